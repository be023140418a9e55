package io.tenantchat.api.openai.adapter.in.web;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * How a finished reply answers a completion: {@code completed} (and {@code cancelled} by its author through
 * {@code POST /api/chat/{id}/cancel}: the text until the stop) as a {@code chat.completion}; {@code failed} as an
 * OpenAI error whose status follows the failure's code.
 */
final class CompletionAnswers {

    private CompletionAnswers() {
    }

    static String id(MessageId messageId) {
        return "chatcmpl-" + messageId.value();
    }

    static boolean isEnd(StreamEvent event) {
        return event instanceof ReplyCompleted || event instanceof ReplyCancelled || event instanceof ReplyFailed;
    }

    /** The completion for a completed or cancelled reply. */
    static ChatCompletion completion(StreamEvent end, String requestedModel, long created, int outputCap) {
        Text text = Text.of(end, requestedModel);
        return new ChatCompletion(id(end.messageId()), "chat.completion", created, text.model(),
                List.of(new ChatCompletion.Choice(0, new ChatCompletion.Message("assistant", text.content()),
                        finishReason(text.usage(), outputCap))),
                usage(text.usage()));
    }

    /** The metered tokens; a count the provider did not report is 0 here (OpenAI's usage has no unknown). */
    static ChatCompletion.Usage usage(@Nullable ReplyUsage usage) {
        return usage == null ? ChatCompletion.Usage.of(0, 0)
                : ChatCompletion.Usage.of(orZero(usage.inputTokens()), orZero(usage.outputTokens()));
    }

    /** {@code length} when the reply used its whole output cap, else {@code stop}. */
    static String finishReason(@Nullable ReplyUsage usage, int outputCap) {
        return usage != null && orZero(usage.outputTokens()) >= outputCap ? "length" : "stop";
    }

    private static long orZero(@Nullable Integer count) {
        return count == null ? 0 : count;
    }

    /** A failed reply as an OpenAI error: the status its code means. */
    static Failure failure(ReplyFailed failed) {
        String code = failed.error().code();
        HttpStatus status = switch (code) {
            case "invalid_request" -> HttpStatus.BAD_REQUEST;
            case "model_not_found" -> HttpStatus.NOT_FOUND;
            case "model_access_denied" -> HttpStatus.FORBIDDEN;
            case "model_unavailable", "enqueue_failed" -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_GATEWAY;
        };
        return new Failure(status, code, failed.error().message());
    }

    record Failure(HttpStatus status, String code, String message) {
    }

    /** The text, model and usage of a completed or cancelled reply. */
    record Text(String content, String model, @Nullable ReplyUsage usage) {

        static Text of(StreamEvent end, String requestedModel) {
            return switch (end) {
                case ReplyCompleted completed -> new Text(completed.content(), completed.modelId(), completed.usage());
                case ReplyCancelled cancelled -> new Text(cancelled.content(),
                        cancelled.modelId() == null ? requestedModel : cancelled.modelId(), cancelled.usage());
                default -> throw new IllegalArgumentException("not a completed or cancelled reply: " + end);
            };
        }
    }
}
