package io.tenantchat.worker.reply.domain;

import java.util.Objects;

/** A failed reply as the user gets to see it: a code and a reason written for people, not stack traces. */
public record ReplyFailure(ErrorCode code, String reason) {

    public ReplyFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
