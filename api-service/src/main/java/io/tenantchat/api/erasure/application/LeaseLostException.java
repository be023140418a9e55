package io.tenantchat.api.erasure.application;

/** The job's lease is held by another instance now (or the job ended): this runner stops, the holder goes on. */
public final class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
