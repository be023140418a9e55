package io.tenantchat.localstack.sqs;

import io.tenantchat.localstack.Ports;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded ElasticMQ (SQS stand-in) on 127.0.0.1. Queue URLs it hands out carry its real host and port.
 *
 * <p>Queues and messages live in memory only: a restart loses queues and in-flight messages (provision again).
 */
public final class ElasticMqServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticMqServer.class);
    private static final String HOST = "127.0.0.1";

    private final SQSRestServer server;
    private final int port;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "elasticmq-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts on a free port. */
    public static ElasticMqServer start() {
        return start(Ports.free());
    }

    /** Starts on {@code port}, failing loudly if anything already listens there. */
    public static ElasticMqServer start(int port) {
        Ports.requireFree(port);
        long started = System.nanoTime();
        SQSRestServer server = SQSRestServerBuilder.withInterface(HOST)
                .withPort(port)
                .withServerAddress(new NodeAddress("http", HOST, port, ""))
                .start();
        try {
            server.waitUntilStarted();
        } catch (Exception e) { // a Scala future: may rethrow a checked BindException
            server.stopAndWait();
            throw new IllegalStateException("ElasticMQ could not listen on " + HOST + ":" + port, e);
        }
        log.info("ElasticMQ listening on http://{}:{} after {} ms", HOST, port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new ElasticMqServer(server, port);
    }

    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook stops the server
        }
        stop();
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.stopAndWait();
        }
    }
}
