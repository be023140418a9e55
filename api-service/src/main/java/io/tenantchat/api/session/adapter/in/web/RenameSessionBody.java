package io.tenantchat.api.session.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.session.domain.SessionTitle;
import org.jspecify.annotations.Nullable;

/** {@code {"title": "..."}} */
record RenameSessionBody(@Nullable String title) {

    SessionTitle toTitle() {
        if (title == null) {
            throw new InvalidRequestException("invalid_title", "title is required");
        }
        return new SessionTitle(title);
    }
}
