package io.tenantchat.api.architecture.violations;

import java.util.List;

/** A port that forgot the tenant: the rule must reject it. */
public interface LeakyStore {

    List<String> findAll(String sessionId);
}
