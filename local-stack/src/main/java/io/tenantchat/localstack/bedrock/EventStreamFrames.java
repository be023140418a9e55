package io.tenantchat.localstack.bedrock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/** Encodes {@code application/vnd.amazon.eventstream} frames with the SDK's own encoder. */
final class EventStreamFrames {

    private EventStreamFrames() {}

    /** An {@code :message-type=event} frame, e.g. {@code contentBlockDelta}. */
    static ByteBuf event(String eventType, Object payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return encode(headers, payload);
    }

    /** An {@code :message-type=exception} frame, e.g. {@code throttlingException}, which ends the stream. */
    static ByteBuf exception(String exceptionType, String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return encode(headers, new BedrockWire.ErrorMessage(message));
    }

    private static ByteBuf encode(Map<String, HeaderValue> headers, Object payload) {
        return Unpooled.wrappedBuffer(new Message(headers, BedrockWire.bytes(payload)).toByteBuffer());
    }
}
