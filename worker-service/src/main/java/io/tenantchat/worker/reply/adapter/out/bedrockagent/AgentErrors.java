package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import io.tenantchat.worker.reply.adapter.out.model.ModelErrors;
import io.tenantchat.worker.reply.adapter.out.model.ModelFailure;
import software.amazon.awssdk.services.bedrockagentruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentruntime.model.BadGatewayException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentruntime.model.DependencyFailedException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockagentruntime.model.ValidationException;

/**
 * Which Bedrock Agent Runtime errors are which {@link ModelFailure} (the classification is {@link ModelErrors}).
 * Retryable: throttling, quota, model not ready, a busy session (conflict), failed dependencies (action groups),
 * bad gateway and 5xx. Final: validation (with its reason), access denied, agent or alias not found, any other
 * refusal.
 */
final class AgentErrors {

    static final ModelErrors ERRORS = ModelErrors.of("agent", "agent service", "agent")
            .with(ModelFailure.BUSY, ThrottlingException.class, ServiceQuotaExceededException.class,
                    ModelNotReadyException.class, ConflictException.class)
            .with(ModelFailure.UNAVAILABLE, DependencyFailedException.class, BadGatewayException.class)
            .with(ModelFailure.INVALID_REQUEST, ValidationException.class)
            .with(ModelFailure.ACCESS_DENIED, AccessDeniedException.class)
            .with(ModelFailure.NOT_FOUND, ResourceNotFoundException.class);

    private AgentErrors() {}
}
