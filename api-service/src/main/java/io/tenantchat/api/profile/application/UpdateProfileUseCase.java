package io.tenantchat.api.profile.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.profile.domain.TenantProfile;

/** In-port: replaces a tenant's profile (its tenant-admins and platform operators). */
public interface UpdateProfileUseCase {

    TenantProfile replace(Caller caller, ReplaceProfile command);
}
