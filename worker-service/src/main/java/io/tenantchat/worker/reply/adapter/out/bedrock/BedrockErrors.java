package io.tenantchat.worker.reply.adapter.out.bedrock;

import io.tenantchat.worker.reply.adapter.out.model.ModelErrors;
import io.tenantchat.worker.reply.adapter.out.model.ModelFailure;
import io.tenantchat.worker.reply.domain.ChatModelException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Which Bedrock Runtime errors are which {@link ModelFailure} (the classification is {@link ModelErrors}):
 * throttling, outages and timeouts may pass, invalid requests and missing access or models never will.
 */
final class BedrockErrors {

    static final ModelErrors ERRORS = ModelErrors.of("model", "model service", "model")
            .with(ModelFailure.BUSY, ThrottlingException.class, ModelNotReadyException.class)
            .with(ModelFailure.TIMED_OUT, ModelTimeoutException.class)
            .with(ModelFailure.UNAVAILABLE, ModelStreamErrorException.class, ModelErrorException.class)
            .with(ModelFailure.INVALID_REQUEST, ValidationException.class)
            .with(ModelFailure.ACCESS_DENIED, AccessDeniedException.class)
            .with(ModelFailure.NOT_FOUND, ResourceNotFoundException.class);
    static final String TIMED_OUT = ERRORS.timedOut();

    private BedrockErrors() {}

    static ChatModelException classify(@Nullable Throwable error) {
        return ERRORS.classify(error);
    }
}
