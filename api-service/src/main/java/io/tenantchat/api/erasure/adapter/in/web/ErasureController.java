package io.tenantchat.api.erasure.adapter.in.web;

import io.tenantchat.api.erasure.application.EraseUseCase;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.identity.Caller;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure jobs: a user's erasure (the user itself or a tenant-admin of its tenant), a tenant's off-boarding
 * (platform operators, see SecurityConfig) and the job's progress and certificate (whoever started it). Starting
 * an erasure needs a signed-in user's token: an API key (which acts for its principal) cannot erase anyone.
 */
@RestController
class ErasureController {

    private final EraseUseCase erasure;

    ErasureController(EraseUseCase erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/api/tenants/{tenantId}/users/{userId}/erase")
    ResponseEntity<JobResponse> eraseUser(Caller caller, Authentication authentication, @PathVariable String tenantId,
            @PathVariable String userId) {
        requireToken(authentication);
        return accepted(erasure.eraseUser(caller, tenantId, userId));
    }

    @PostMapping("/api/admin/tenants/{tenantId}/offboard")
    ResponseEntity<JobResponse> offboard(Caller caller, Authentication authentication, @PathVariable String tenantId) {
        requireToken(authentication);
        return accepted(erasure.offboard(caller, tenantId));
    }

    @GetMapping("/api/jobs/{jobId}")
    JobResponse job(Caller caller, @PathVariable String jobId) {
        return JobResponse.of(erasure.job(caller, jobId));
    }

    private static ResponseEntity<JobResponse> accepted(ErasureJob job) {
        return ResponseEntity.accepted().location(URI.create(JobResponse.path(job))).body(JobResponse.of(job));
    }

    private static void requireToken(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken)) {
            throw new ForbiddenException("token_required", "an erasure is started with a signed-in user's token, not an API key");
        }
    }
}
