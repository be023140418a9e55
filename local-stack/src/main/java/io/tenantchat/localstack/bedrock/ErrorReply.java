package io.tenantchat.localstack.bedrock;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import java.util.Optional;

/** An error as Bedrock answers it before any stream: status, {@code x-amzn-ErrorType} and {@code {"message"}}. */
record ErrorReply(HttpResponseStatus status, String type, String message) {

    static ErrorReply validation(String message) {
        return new ErrorReply(HttpResponseStatus.BAD_REQUEST, "ValidationException", message);
    }

    static ErrorReply unknownOperation(String method, String uri) {
        return new ErrorReply(HttpResponseStatus.NOT_FOUND, "UnknownOperationException",
                "The stand-in knows no operation at " + method + " " + uri);
    }

    /** The reply for a fault that strikes before the stream; empty for none and for in-stream faults. */
    static Optional<ErrorReply> beforeStream(Fault.Kind kind) {
        return Optional.ofNullable(switch (kind) {
            case THROTTLING -> new ErrorReply(HttpResponseStatus.TOO_MANY_REQUESTS, "ThrottlingException",
                    "Too many requests, please wait before trying again. (bedrock stand-in)");
            case SERVICE_UNAVAILABLE -> new ErrorReply(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "ServiceUnavailableException", "Service is unavailable. (bedrock stand-in)");
            case MODEL_TIMEOUT -> new ErrorReply(HttpResponseStatus.REQUEST_TIMEOUT, "ModelTimeoutException",
                    "Model has timed out in processing the request. (bedrock stand-in)");
            case VALIDATION -> validation("Injected validation failure. (bedrock stand-in)");
            case NONE, THROTTLING_IN_STREAM -> null;
        });
    }
}
