package io.tenantchat.localstack.eventbridge;

import com.sun.net.httpserver.HttpServer;
import io.tenantchat.localstack.AwsClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A dev/test-only stand-in for Amazon EventBridge on 127.0.0.1: accepts {@code PutEvents} (AWS JSON 1.1) and
 * delivers each entry that matches a rule (bus, source and detail-type) to the rule's SQS queue, wrapped in the
 * real EventBridge envelope. Delivery happens before PutEvents answers. Never a production path.
 */
public final class EventBridgeStandIn implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final HttpServer server;
    private final SqsClient sqs;
    private final List<Rule> rules;
    private final AtomicBoolean refusing;
    private final PutEvents putEvents;

    private EventBridgeStandIn(HttpServer server, SqsClient sqs, List<Rule> rules, AtomicBoolean refusing,
            PutEvents putEvents) {
        this.server = server;
        this.sqs = sqs;
        this.rules = rules;
        this.refusing = refusing;
        this.putEvents = putEvents;
    }

    /** Starts on a free port, delivering to the SQS (or ElasticMQ) at {@code sqsEndpoint}. */
    public static EventBridgeStandIn start(URI sqsEndpoint) {
        return start(sqsEndpoint, 0);
    }

    /** Starts on {@code port} (0 for a free one); fails loudly if it cannot listen there. */
    public static EventBridgeStandIn start(URI sqsEndpoint, int port) {
        SqsClient sqs = AwsClients.sqs(sqsEndpoint);
        List<Rule> rules = new CopyOnWriteArrayList<>();
        AtomicBoolean refusing = new AtomicBoolean();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(HOST, port), 0);
            PutEvents putEvents = new PutEvents(rules, sqs);
            server.createContext("/", new PutEventsHandler(putEvents, refusing));
            server.start();
            return new EventBridgeStandIn(server, sqs, rules, refusing, putEvents);
        } catch (IOException | RuntimeException e) {
            sqs.close();
            throw new IllegalStateException("EventBridge stand-in could not listen on " + HOST + ":" + port, e);
        }
    }

    /** The base URI to give the SDK as endpoint override, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + server.getAddress().getPort());
    }

    /**
     * Delivers entries put on {@code busName} with this source and detail-type to {@code targetQueueUrl}. For a FIFO
     * queue the message group is the event's source and the deduplication id its event id.
     */
    public void addRule(String busName, String source, String detailType, String targetQueueUrl) {
        rules.add(new Rule(busName, source, detailType, targetQueueUrl));
    }

    /** While {@code true}, every call is answered with HTTP 500 {@code InternalException} (fault tests). */
    public void refuseAllCalls(boolean refuse) {
        refusing.set(refuse);
    }

    /** The next {@code count} well-formed entries fail one by one ({@code FailedEntryCount}), the call itself succeeds. */
    public void failNextEntries(int count) {
        putEvents.failNextEntries(count);
    }

    /**
     * From now on each well-formed entry fails on its own ({@code FailedEntryCount}) with probability {@code ratio},
     * for example 0.2: about 20 %; 0 stops it.
     */
    public void failEntriesRandomly(double ratio) {
        putEvents.failEntriesRandomly(ratio);
    }

    @Override
    public void close() {
        server.stop(0);
        sqs.close();
    }
}
