package io.tenantchat.localstack;

import io.tenantchat.localstack.cognito.CognitoLocalServer;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Stand-ins that the integration test classes of one test JVM (one Maven module's failsafe run) share: each is
 * started the first time a class asks for it and stopped when the JVM exits (the servers' own exit hooks), not
 * once per class. Tests only. A class that shares one isolates itself by its own tenants, ids or queue names, and
 * one that tests starting or stopping a stand-in starts its own.
 */
public final class SharedStandIns {

    private static DynoxideServer dynoxide;
    private static ElasticMqServer elasticMq;
    private static CognitoLocalServer cognitoLocal;

    private SharedStandIns() {
    }

    /** One in-memory dynoxide for the JVM. */
    public static synchronized DynoxideServer dynoxide() {
        if (dynoxide == null) {
            dynoxide = DynoxideServer.start(null);
        }
        return dynoxide;
    }

    /** One ElasticMQ for the JVM. */
    public static synchronized ElasticMqServer elasticMq() {
        if (elasticMq == null) {
            elasticMq = ElasticMqServer.start();
        }
        return elasticMq;
    }

    /** One cognito-local on a free port, its data in a temporary directory, for the JVM. */
    public static synchronized CognitoLocalServer cognitoLocal() {
        if (cognitoLocal == null) {
            try {
                cognitoLocal = CognitoLocalServer.start(Files.createTempDirectory("cognito-local-shared"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a data directory for cognito-local", e);
            }
        }
        return cognitoLocal;
    }
}
