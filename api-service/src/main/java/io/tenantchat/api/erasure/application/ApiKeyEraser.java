package io.tenantchat.api.erasure.application;

import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.shared.UserId;
import java.util.Optional;

/** Out-port: deletes the API keys whose principal is the user, or every key of the tenant when {@code user} is empty. */
public interface ApiKeyEraser {

    void erase(JobLease lease, Optional<UserId> user);
}
