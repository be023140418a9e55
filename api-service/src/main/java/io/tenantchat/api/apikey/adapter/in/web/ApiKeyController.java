package io.tenantchat.api.apikey.adapter.in.web;

import io.tenantchat.api.apikey.application.CreateApiKey;
import io.tenantchat.api.apikey.application.ManageApiKeysUseCase;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant-admin's keys of its own tenant (the path names the tenant; it must be the token's). */
@RestController
class ApiKeyController {

    private final ManageApiKeysUseCase keys;

    ApiKeyController(ManageApiKeysUseCase keys) {
        this.keys = keys;
    }

    @PostMapping("/api/tenants/{tenantId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiKeyResponse create(Caller caller, @PathVariable String tenantId,
            @RequestBody(required = false) CreateApiKeyBody body) {
        if (body == null) {
            throw new InvalidRequestException("body_required", "a label is required");
        }
        return CreatedApiKeyResponse.of(keys.create(caller, tenantId,
                new CreateApiKey(body.label(), body.principal(), body.expiresAt())));
    }

    @GetMapping("/api/tenants/{tenantId}/api-keys")
    ApiKeyListResponse list(Caller caller, @PathVariable String tenantId) {
        return new ApiKeyListResponse(tenantId, keys.list(caller, tenantId).stream().map(ApiKeyResponse::of).toList());
    }

    @DeleteMapping("/api/tenants/{tenantId}/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable String tenantId, @PathVariable String keyId) {
        keys.revoke(caller, tenantId, keyId);
    }
}
