package io.tenantchat.api.usage.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.usage.domain.UsageReport;

/** A tenant's usage for its members (per-user figures for tenant admins); any tenant for platform operators. */
public interface ViewUsageUseCase {

    UsageReport usage(Caller caller, UsageQuery query);
}
