package io.tenantchat.api.chat.application;

/** Stores a user message and queues the job that generates its reply. */
public interface SubmitChatMessageUseCase {

    MessageAccepted submit(SubmitChatMessage command);
}
