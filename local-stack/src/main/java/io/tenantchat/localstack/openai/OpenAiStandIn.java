package io.tenantchat.localstack.openai;

import io.tenantchat.localstack.standin.FaultBudget;
import io.tenantchat.localstack.standin.HttpStandIn;
import io.tenantchat.localstack.standin.Pacing;
import java.util.Objects;

/**
 * A dev/test-only stand-in for an OpenAI-compatible server (what Ollama, llama.cpp {@code llama-server} and vLLM
 * offer): {@code POST /v1/chat/completions}, streamed as server-sent events with a final usage chunk when
 * {@code stream_options.include_usage} asks for it, or as one JSON body. Replies are deterministic and start with
 * {@value ChatCompletionHandler#LABEL}. Never a production path.
 */
public final class OpenAiStandIn extends HttpStandIn<OpenAiStandIn.Settings> {

    private OpenAiStandIn(Settings settings) {
        super("openai-stand-in", settings.port(), new ChatCompletionHandler(settings));
    }

    /** Binds 127.0.0.1 on {@code settings.port()}, or on a free port when it is 0. */
    public static OpenAiStandIn start(Settings settings) {
        return new OpenAiStandIn(settings);
    }

    /**
     * How the stand-in listens and answers.
     *
     * @param port 0 for a free port
     * @param apiKey when not null, requests must carry {@code Authorization: Bearer <apiKey>} (else 401)
     */
    public record Settings(int port, Pacing pacing, Fault fault, String apiKey) {

        public Settings {
            Objects.requireNonNull(pacing, "pacing");
            Objects.requireNonNull(fault, "fault");
        }

        /** A free port, default pacing, no fault, no key needed. */
        public static Settings defaults() {
            return new Settings(0, Pacing.defaults(), Fault.none(), null);
        }

        public Settings withPort(int port) {
            return new Settings(port, pacing, fault, apiKey);
        }

        public Settings withPacing(Pacing pacing) {
            return new Settings(port, pacing, fault, apiKey);
        }

        public Settings withFault(Fault fault) {
            return new Settings(port, pacing, fault, apiKey);
        }

        public Settings withApiKey(String apiKey) {
            return new Settings(port, pacing, fault, apiKey);
        }

        FaultBudget<Fault> budget() {
            return new FaultBudget<>(fault, fault.times());
        }
    }

    /**
     * A fault for the next {@code times} requests it applies to.
     *
     * @param afterTokens for {@link Kind#ERROR_IN_STREAM}, content chunks sent before the error event
     */
    public record Fault(Kind kind, int times, int afterTokens) {

        /** What goes wrong: an HTTP error before any stream, or an error event inside it. */
        public enum Kind { NONE, RATE_LIMITED, SERVER_ERROR, SERVICE_UNAVAILABLE, BAD_REQUEST, MODEL_NOT_FOUND,
            ERROR_IN_STREAM }

        public Fault {
            Objects.requireNonNull(kind, "kind");
            if (times < 0 || afterTokens < 0) {
                throw new IllegalArgumentException("times and afterTokens must not be negative");
            }
        }

        public static Fault none() {
            return new Fault(Kind.NONE, 0, 0);
        }

        /** HTTP {@code status}-style failure before the stream for the next {@code times} requests. */
        public static Fault of(Kind kind, int times) {
            return new Fault(kind, times, 0);
        }

        /** An error event after {@code tokens} content chunks, for the next {@code times} streams. */
        public static Fault errorInStreamAfter(int tokens, int times) {
            return new Fault(Kind.ERROR_IN_STREAM, times, tokens);
        }
    }
}
