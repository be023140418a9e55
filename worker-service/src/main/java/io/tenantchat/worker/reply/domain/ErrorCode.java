package io.tenantchat.worker.reply.domain;

/** Why a reply failed; {@link #wireValue()} is stored as the user message's {@code error_code}. */
public enum ErrorCode {
    /** The model was throttled, unavailable or timed out on every attempt. */
    MODEL_UNAVAILABLE("model_unavailable"),
    /** The model rejected the request as invalid (for example: input too long). */
    INVALID_REQUEST("invalid_request"),
    /** This deployment may not call the configured model. */
    MODEL_ACCESS_DENIED("model_access_denied"),
    /** The configured model does not exist in this region or account. */
    MODEL_NOT_FOUND("model_not_found"),
    /** Any other permanent refusal. */
    MODEL_REJECTED("model_rejected");

    private final String wireValue;

    ErrorCode(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
