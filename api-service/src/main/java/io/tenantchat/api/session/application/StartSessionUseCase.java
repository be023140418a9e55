package io.tenantchat.api.session.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.domain.ChatSession;

/** Starts a new, empty conversation for the caller. */
public interface StartSessionUseCase {

    ChatSession start(Caller caller);
}
