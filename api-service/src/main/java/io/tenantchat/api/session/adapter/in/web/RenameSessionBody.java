package io.tenantchat.api.session.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.session.domain.SessionTitle;

/** {@code {"title": "..."}} */
record RenameSessionBody(String title) {

    SessionTitle toTitle() {
        if (title == null) {
            throw new InvalidRequestException("invalid_title", "title is required");
        }
        return new SessionTitle(title);
    }
}
