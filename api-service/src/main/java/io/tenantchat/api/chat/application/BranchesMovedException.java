package io.tenantchat.api.chat.application;

/**
 * A write that placed a turn (or switched the active path) found its session's branches changed since they were
 * read (another turn, regeneration, edit or switch came first): nothing was written; read them again.
 */
public final class BranchesMovedException extends RuntimeException {

    public BranchesMovedException() {
        super("the conversation's branches changed meanwhile", null, false, false);
    }
}
