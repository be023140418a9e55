package io.tenantchat.localstack.eventbridge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tenantchat.localstack.eventbridge.EventBridgeWire.AwsJsonError;
import java.io.IOException;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;

/** The AWS JSON 1.1 endpoint: only {@code X-Amz-Target: AWSEvents.PutEvents} is known. */
final class PutEventsHandler implements HttpHandler {

    static final String PUT_EVENTS = "AWSEvents.PutEvents";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final PutEvents putEvents;
    private final AtomicBoolean refusing;

    PutEventsHandler(PutEvents putEvents, AtomicBoolean refusing) {
        this.putEvents = putEvents;
        this.refusing = refusing;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            reply(exchange);
        } finally {
            exchange.close();
        }
    }

    private void reply(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (refusing.get()) {
            error(exchange, 500, "InternalException", "The EventBridge stand-in refuses all calls (fault test).");
        } else if (!"POST".equals(exchange.getRequestMethod()) || !PUT_EVENTS.equals(target)) {
            error(exchange, 400, "UnknownOperationException",
                    "The stand-in only knows " + PUT_EVENTS + ", not " + target);
        } else {
            putEvents(exchange);
        }
    }

    private void putEvents(HttpExchange exchange) throws IOException {
        try {
            var request = EventBridgeWire.JSON.readTree(exchange.getRequestBody());
            send(exchange, 200, EventBridgeWire.JSON.writeValueAsBytes(putEvents.handle(request)));
        } catch (JacksonException | DateTimeException e) {
            error(exchange, 400, "SerializationException", "The request body could not be read.");
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "ValidationException", e.getMessage());
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, status, EventBridgeWire.JSON.writeValueAsBytes(new AwsJsonError(type, message)));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
