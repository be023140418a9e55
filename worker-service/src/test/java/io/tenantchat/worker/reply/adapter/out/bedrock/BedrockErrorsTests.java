package io.tenantchat.worker.reply.adapter.out.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class BedrockErrorsTests {

    static Stream<Throwable> passingErrors() {
        return Stream.of(
                ThrottlingException.builder().statusCode(429).build(),
                ModelNotReadyException.builder().statusCode(429).build(),
                ModelTimeoutException.builder().statusCode(408).build(),
                ModelStreamErrorException.builder().statusCode(424).build(),
                InternalServerException.builder().statusCode(500).build(),
                ServiceUnavailableException.builder().statusCode(503).build(),
                ApiCallTimeoutException.create(45_000),
                SdkClientException.create("Unable to execute HTTP request"),
                new CompletionException(ThrottlingException.builder().statusCode(429).build()));
    }

    static Stream<Arguments> permanentErrors() {
        return Stream.of(
                Arguments.of(ValidationException.builder().statusCode(400).build(), ErrorCode.INVALID_REQUEST),
                Arguments.of(AccessDeniedException.builder().statusCode(403).build(), ErrorCode.MODEL_ACCESS_DENIED),
                Arguments.of(ResourceNotFoundException.builder().statusCode(404).build(), ErrorCode.MODEL_NOT_FOUND),
                Arguments.of(ServiceQuotaExceededException.builder().statusCode(400).build(), ErrorCode.MODEL_REJECTED));
    }

    @ParameterizedTest
    @MethodSource("passingErrors")
    void throttlingOutagesAndTimeoutsAreRetryable(Throwable error) {
        ChatModelException classified = BedrockErrors.classify(error);

        assertThat(classified.isRetryable()).isTrue();
        assertThat(classified.failure().code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
    }

    @ParameterizedTest
    @MethodSource("permanentErrors")
    void refusalsAreNotRetryable(Throwable error, ErrorCode code) {
        ChatModelException classified = BedrockErrors.classify(error);

        assertThat(classified.isRetryable()).isFalse();
        assertThat(classified.failure().code()).isEqualTo(code);
    }

    @Test
    void accessDeniedReasonDoesNotRepeatAwsDetails() {
        AccessDeniedException denied = AccessDeniedException.builder().statusCode(403).awsErrorDetails(
                AwsErrorDetails.builder().errorMessage("User arn:aws:iam::123456789012:role/x is not authorized").build())
                .build();

        assertThat(BedrockErrors.classify(denied).failure().reason()).doesNotContain("123456789012");
    }

    @Test
    void validationReasonExplainsWhatToChange() {
        ValidationException invalid = ValidationException.builder().statusCode(400).awsErrorDetails(
                AwsErrorDetails.builder().errorMessage("Input is too long for requested model.").build()).build();

        assertThat(BedrockErrors.classify(invalid).failure().reason())
                .isEqualTo("The model rejected the request: Input is too long for requested model.");
    }
}
