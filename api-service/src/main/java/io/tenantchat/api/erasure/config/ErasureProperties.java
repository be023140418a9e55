package io.tenantchat.api.erasure.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Erasure jobs ({@code tenantchat.erasure.*}, docs/runbook.md "Erasure").
 *
 * @param pseudonymKey base64, at least 32 bytes: the key of the pseudonyms in usage records (required outside local)
 * @param lease how long a job's lease lasts without a checkpoint; another instance takes the job over after it
 * @param sweepInterval how often each instance looks for jobs whose lease ran out
 * @param maxAttempts takeovers after which a job ends {@code failed}
 * @param threads jobs one instance runs at once (more wait in a queue of 100, then for the sweeper)
 */
@Validated
@ConfigurationProperties("tenantchat.erasure")
public record ErasureProperties(@NotNull @Valid Tables tables, @NotBlank String pseudonymKey, @NotNull Duration lease,
        @NotNull Duration sweepInterval, @Positive int maxAttempts, @Positive int threads) {

    /** The tables a job reads and deletes from, and its own. */
    public record Tables(@NotBlank String jobs, @NotBlank String sessions, @NotBlank String messages,
            @NotBlank String tenants, @NotBlank String apiKeys, @NotBlank String audit) {
    }
}
