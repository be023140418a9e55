package io.tenantchat.worker.reply.adapter.out.agentcore;

import io.tenantchat.worker.reply.adapter.out.model.ModelErrors;
import io.tenantchat.worker.reply.adapter.out.model.ModelFailure;
import io.tenantchat.worker.reply.domain.ChatModelException;
import java.util.Locale;
import software.amazon.awssdk.services.bedrockagentcore.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcore.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcore.model.InvalidInputException;
import software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcore.model.RuntimeClientErrorException;
import software.amazon.awssdk.services.bedrockagentcore.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockagentcore.model.ThrottledException;
import software.amazon.awssdk.services.bedrockagentcore.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockagentcore.model.UnauthorizedException;
import software.amazon.awssdk.services.bedrockagentcore.model.ValidationException;

/**
 * Which AgentCore errors are which {@link ModelFailure} (the classification is {@link ModelErrors}), and errors the
 * agent reports inside its stream. Retryable: throttling, quota, a busy session (conflict), the agent's own runtime
 * error (424), 5xx, broken connections, in-stream errors. Final: validation (with its reason), access denied,
 * runtime not found, other refusals.
 */
final class AgentCoreErrors {

    static final ModelErrors ERRORS = ModelErrors.of("agent", "agent service", "agent runtime")
            .with(ModelFailure.BUSY, ThrottlingException.class, ThrottledException.class,
                    ServiceQuotaExceededException.class, ConflictException.class)
            .with(ModelFailure.UNAVAILABLE, RuntimeClientErrorException.class)
            .with(ModelFailure.INVALID_REQUEST, ValidationException.class, InvalidInputException.class)
            .with(ModelFailure.ACCESS_DENIED, AccessDeniedException.class, UnauthorizedException.class)
            .with(ModelFailure.NOT_FOUND, ResourceNotFoundException.class);
    static final String TIMED_OUT = ERRORS.timedOut();

    private AgentCoreErrors() {}

    /** An error event inside the agent's stream: the reply so far is void, a later call may succeed. */
    static ChatModelException inStream(AgentEvent.Failure failure) {
        String type = failure.type();
        boolean busy = type != null && type.toLowerCase(Locale.ROOT).contains("throttl");
        return busy ? ERRORS.of(ModelFailure.BUSY, null, null)
                : ChatModelException.retryable("The agent failed while answering.", null);
    }
}
