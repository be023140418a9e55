package io.tenantchat.api.tenant.application;

import io.tenantchat.api.identity.Caller;

public interface ViewSubscriptionUseCase {

    /** The plan and usage of {@code tenantId}: the caller's own tenant, or any tenant for a platform operator. */
    Subscription subscription(Caller caller, String tenantId);
}
