package io.tenantchat.worker.reply.adapter.out.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ModelErrorsTests {

    private static final ModelErrors AGENT = ModelErrors.of("agent", "agent service", "agent runtime")
            .with(ModelFailure.BUSY, Busy.class);

    @Test
    void sortsAServiceExceptionByItsTypeBeforeItsStatus() {
        ChatModelException busy = AGENT.classify(new Busy(400));

        assertThat(busy.isRetryable()).isTrue();
        assertThat(busy.failure().reason()).isEqualTo("The agent is busy right now.");
    }

    @ParameterizedTest
    @CsvSource({"429, true, The agent is busy right now.",
            "503, true, The agent service is temporarily unavailable.",
            "400, false, The agent refused the request."})
    void sortsAnyOtherServiceExceptionByItsStatus(int status, boolean retryable, String reason) {
        ChatModelException classified = AGENT.classify(service(status, null));

        assertThat(classified.isRetryable()).isEqualTo(retryable);
        assertThat(classified.failure().reason()).isEqualTo(reason);
    }

    @Test
    void unwrapsFuturesAndStreamsAndKeepsWhatIsClassifiedAlready() {
        ChatModelException classified = ChatModelException.permanent(ErrorCode.INVALID_REQUEST, "no", null);

        assertThat(AGENT.classify(new CompletionException(classified))).isSameAs(classified);
        assertThat(AGENT.classify(new CompletionException(new UncheckedIOException(new IOException("reset"))))
                .failure().reason()).isEqualTo("The agent could not be reached.");
        assertThat(AGENT.classify(SdkClientException.create("down")).isRetryable()).isTrue();
        assertThat(AGENT.classify(new HttpTimeoutException("slow")).failure().reason())
                .isEqualTo("The agent did not answer in time.");
        assertThat(AGENT.classify(new IllegalStateException("?")).failure().reason())
                .isEqualTo("The agent call failed unexpectedly.");
    }

    @Test
    void namesTheConfiguredTargetWhenAccessOrTheTargetIsMissing() {
        assertThat(AGENT.of(ModelFailure.ACCESS_DENIED, null, null).failure())
                .extracting(f -> f.code(), f -> f.reason())
                .containsExactly(ErrorCode.MODEL_ACCESS_DENIED,
                        "This service is not allowed to use the configured agent runtime.");
        assertThat(AGENT.of(ModelFailure.NOT_FOUND, null, null).failure().reason())
                .isEqualTo("The configured agent runtime is not available.");
    }

    @Test
    void anInvalidRequestCarriesTheProvidersReasonCutShort() {
        assertThat(AGENT.of(ModelFailure.INVALID_REQUEST, "x".repeat(400), null).failure().reason())
                .isEqualTo("The agent rejected the request: " + "x".repeat(300) + "…");
        assertThat(AGENT.of(ModelFailure.INVALID_REQUEST, " ", null).failure().reason())
                .isEqualTo("The agent rejected the request: invalid request.");
    }

    @ParameterizedTest
    @CsvSource({"429, BUSY", "408, TIMED_OUT", "500, UNAVAILABLE", "503, UNAVAILABLE", "400, INVALID_REQUEST",
            "413, INVALID_REQUEST", "422, INVALID_REQUEST", "401, ACCESS_DENIED", "403, ACCESS_DENIED",
            "404, NOT_FOUND", "409, REJECTED"})
    void sortsHttpStatuses(int status, ModelFailure failure) {
        assertThat(ModelFailure.ofHttpStatus(status)).isEqualTo(failure);
    }

    @Test
    void aCallPastItsDeadlineIsCancelledAndTimesOut() {
        CompletableFuture<Void> call = new CompletableFuture<>();
        AtomicBoolean cancelled = new AtomicBoolean();

        assertThatThrownBy(() -> AGENT.await(call, System.nanoTime(), () -> cancelled.set(true)))
                .isInstanceOfSatisfying(ChatModelException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.failure().reason()).isEqualTo("The agent did not answer in time.");
                });
        assertThat(cancelled).isTrue();
        assertThat(call).isCancelled();
    }

    private static AwsServiceException service(int status, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorMessage(message).build()).build();
    }

    private static final class Busy extends AwsServiceException {
        Busy(int status) {
            super(AwsServiceException.builder().statusCode(status));
        }
    }
}
