package io.tenantchat.api.profile.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.profile.domain.TenantProfile;

/** In-port: a tenant's profile, for every member of that tenant and platform operators. */
public interface ViewProfileUseCase {

    TenantProfile profile(Caller caller, String tenantId);
}
