package io.tenantchat.worker.config;

/**
 * Connection pool sizes derived from the worker's in-flight permits: a model stream holds its connection for the
 * whole reply, so the model client gets one per permit; the SQS and DynamoDB calls of a job are short, so a
 * fraction of the permits is enough; every job may queue for a connection without being refused.
 */
public final class ClientSizes {

    private ClientSizes() {
    }

    public static int modelConnections(int maxInFlight) {
        return maxInFlight + 16;
    }

    public static int sqsConnections(int maxInFlight) {
        return Math.max(50, maxInFlight / 10);
    }

    public static int dynamoDbConnections(int maxInFlight) {
        return Math.max(50, maxInFlight / 4);
    }

    public static int pendingAcquires(int maxInFlight) {
        return Math.max(10_000, maxInFlight * 4);
    }
}
