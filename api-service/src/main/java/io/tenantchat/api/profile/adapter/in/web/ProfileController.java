package io.tenantchat.api.profile.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.profile.application.ReplaceProfile;
import io.tenantchat.api.profile.application.UpdateProfileUseCase;
import io.tenantchat.api.profile.application.ViewProfileUseCase;
import io.tenantchat.api.profile.domain.ProfileBounds;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's profile: every member reads it, its tenant-admins and platform operators replace it. */
@RestController
class ProfileController {

    private final ViewProfileUseCase view;
    private final UpdateProfileUseCase update;
    private final ProfileBounds bounds;

    ProfileController(ViewProfileUseCase view, UpdateProfileUseCase update, ProfileBounds bounds) {
        this.view = view;
        this.update = update;
        this.bounds = bounds;
    }

    @GetMapping("/api/tenants/{tenantId}/profile")
    ProfileResponse profile(Caller caller, @PathVariable String tenantId) {
        return ProfileResponse.of(view.profile(caller, tenantId), bounds);
    }

    @PutMapping("/api/tenants/{tenantId}/profile")
    ProfileResponse replace(Caller caller, @PathVariable String tenantId,
            @RequestBody(required = false) @Nullable ProfileBody body) {
        if (body == null) {
            throw new InvalidRequestException("body_required", "a profile is required ({} resets every setting)");
        }
        return ProfileResponse.of(update.replace(caller,
                new ReplaceProfile(tenantId, body.settings(), body.version())), bounds);
    }
}
