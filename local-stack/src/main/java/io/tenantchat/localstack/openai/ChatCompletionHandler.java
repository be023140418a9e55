package io.tenantchat.localstack.openai;

import io.tenantchat.localstack.openai.OpenAiStandIn.Fault;
import io.tenantchat.localstack.openai.OpenAiStandIn.Settings;
import io.tenantchat.localstack.openai.OpenAiWire.Error;
import io.tenantchat.localstack.openai.OpenAiWire.ErrorBody;
import io.tenantchat.localstack.standin.EchoReply;
import io.tenantchat.localstack.standin.Exchange;
import io.tenantchat.localstack.standin.RecordedRequest;
import io.tenantchat.localstack.standin.StandInHandler;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/** Answers {@code POST /v1/chat/completions}: key check, validation, injected faults, then the reply. */
final class ChatCompletionHandler extends StandInHandler<Settings, Fault> {

    static final String LABEL = "[openai stand-in]";
    static final String PATH = "/v1/chat/completions";

    ChatCompletionHandler(Settings settings) {
        super(settings, Settings::budget);
    }

    @Override
    public void accept(Exchange exchange) {
        RecordedRequest request = exchange.request();
        if (!request.method().equals("POST") || !request.path().equals(PATH)) {
            error(exchange, 404, "not_found", "The stand-in knows no operation at " + request.method() + " "
                    + request.path());
            return;
        }
        record(request);
        Settings current = settings();
        if (current.apiKey() != null && !request.header("authorization").orElse("")
                .equals("Bearer " + current.apiKey())) {
            error(exchange, 401, "invalid_api_key", "Incorrect API key provided. (openai stand-in)");
            return;
        }
        parsed(exchange).ifPresent(completion -> answer(exchange, current, completion));
    }

    private Optional<ChatCompletionRequest> parsed(Exchange exchange) {
        try {
            return Optional.of(ChatCompletionRequest.parse(exchange.request().body()));
        } catch (IllegalArgumentException | JacksonException e) {
            String message = e instanceof JacksonException ? "We could not parse the JSON body of your request."
                    : e.getMessage();
            error(exchange, 400, "invalid_request_error", message + " (openai stand-in)");
            return Optional.empty();
        }
    }

    private void answer(Exchange exchange, Settings current, ChatCompletionRequest request) {
        Optional<Fault> fault = faults().draw(f -> f.kind() != Fault.Kind.NONE
                && (f.kind() != Fault.Kind.ERROR_IN_STREAM || request.stream()));
        EchoReply reply = EchoReply.of(LABEL, EchoReply.tenantLine(request.systemText()), request.lastUserText(),
                "model " + request.model(), request.maxTokens());
        if (fault.isPresent() && fault.get().kind() != Fault.Kind.ERROR_IN_STREAM) {
            beforeStream(exchange, fault.get().kind(), request.model());
        } else if (request.stream()) {
            int failAfter = fault.map(Fault::afterTokens).orElse(-1);
            new CompletionStream(exchange, current.pacing(), request, reply, failAfter).start();
        } else {
            exchange.respond(200, "application/json", Map.of(), OpenAiWire.bytes(CompletionStream.whole(request, reply)));
        }
    }

    private static void beforeStream(Exchange exchange, Fault.Kind kind, String model) {
        switch (kind) {
            case RATE_LIMITED -> error(exchange, 429, "rate_limit_exceeded",
                    "Rate limit reached, please try again later. (openai stand-in)");
            case SERVER_ERROR -> error(exchange, 500, "server_error",
                    "The server had an error while processing your request. (openai stand-in)");
            case SERVICE_UNAVAILABLE -> error(exchange, 503, "server_error",
                    "The model is loading or overloaded. (openai stand-in)");
            case BAD_REQUEST -> error(exchange, 400, "invalid_request_error",
                    "Injected invalid request. (openai stand-in)");
            case MODEL_NOT_FOUND -> error(exchange, 404, "model_not_found",
                    "The model '" + model + "' does not exist. (openai stand-in)");
            case NONE, ERROR_IN_STREAM -> throw new IllegalArgumentException("not a pre-stream fault: " + kind);
        }
    }

    static void error(Exchange exchange, int status, String type, String message) {
        exchange.respond(status, "application/json", Map.of(),
                OpenAiWire.bytes(new ErrorBody(new Error(message, type, type))));
    }
}
