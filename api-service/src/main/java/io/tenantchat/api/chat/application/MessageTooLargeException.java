package io.tenantchat.api.chat.application;

import io.tenantchat.api.error.RefusalException;

/** The message is longer than {@link ChatLimits#maxMessageChars()}; nothing was stored. Answered with 413. */
public class MessageTooLargeException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public MessageTooLargeException(int maxChars) {
        super("message_too_long", "message must be at most " + maxChars + " characters");
    }
}
