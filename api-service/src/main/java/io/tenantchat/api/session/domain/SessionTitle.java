package io.tenantchat.api.session.domain;

import io.tenantchat.api.error.InvalidRequestException;

/** A session's name as the user typed it: trimmed, 1 to {@value #MAX_LENGTH} characters, no control characters. */
public record SessionTitle(String value) {

    public static final int MAX_LENGTH = 200;

    public SessionTitle {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("invalid_title", "title must not be empty");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidRequestException("invalid_title", "title must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("invalid_title", "title must not contain control characters");
        }
    }
}
