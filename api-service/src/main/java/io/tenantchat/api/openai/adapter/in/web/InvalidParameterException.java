package io.tenantchat.api.openai.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** A request parameter OpenAI's API would refuse too: 400 naming the parameter ({@code param}). */
class InvalidParameterException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String param;

    InvalidParameterException(String code, @Nullable String param, String message) {
        super(code, message);
        this.param = param;
    }

    @Nullable String param() {
        return param;
    }
}
