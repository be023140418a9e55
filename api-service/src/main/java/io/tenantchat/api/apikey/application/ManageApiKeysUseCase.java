package io.tenantchat.api.apikey.application;

import io.tenantchat.api.apikey.domain.IssuedApiKey;
import io.tenantchat.api.identity.Caller;
import java.util.List;

/** A tenant-admin creates, lists and revokes the keys of its own tenant ({@code tenantId} as in the path). */
public interface ManageApiKeysUseCase {

    IssuedApiKey create(Caller caller, String tenantId, CreateApiKey request);

    List<ListedApiKey> list(Caller caller, String tenantId);

    void revoke(Caller caller, String tenantId, String keyId);
}
