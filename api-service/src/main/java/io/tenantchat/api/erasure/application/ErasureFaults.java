package io.tenantchat.api.erasure.application;

import io.tenantchat.api.erasure.domain.ErasureStep;

/**
 * Called after each step has run and before the job records it as done: tests make it throw to stand for a crash
 * half-way. Production has {@link #NONE}.
 */
public interface ErasureFaults {

    ErasureFaults NONE = step -> {
    };

    void after(ErasureStep step);
}
