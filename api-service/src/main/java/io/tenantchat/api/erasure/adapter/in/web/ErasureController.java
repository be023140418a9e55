package io.tenantchat.api.erasure.adapter.in.web;

import io.tenantchat.api.erasure.application.EraseUseCase;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.identity.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobResponse eraseUser(Caller caller, Authentication authentication, @PathVariable String tenantId,
            @PathVariable String userId, HttpServletResponse response) {
        requireToken(authentication);
        return accepted(erasure.eraseUser(caller, tenantId, userId), response);
    }

    @PostMapping("/api/admin/tenants/{tenantId}/offboard")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobResponse offboard(Caller caller, Authentication authentication, @PathVariable String tenantId,
            HttpServletResponse response) {
        requireToken(authentication);
        return accepted(erasure.offboard(caller, tenantId), response);
    }

    @GetMapping("/api/jobs/{jobId}")
    JobResponse job(Caller caller, @PathVariable String jobId) {
        return JobResponse.of(erasure.job(caller, jobId));
    }

    /** 202 with {@code Location} naming the job. */
    private static JobResponse accepted(ErasureJob job, HttpServletResponse response) {
        response.setHeader(HttpHeaders.LOCATION, JobResponse.path(job));
        return JobResponse.of(job);
    }

    private static void requireToken(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken)) {
            throw new ForbiddenException("token_required", "an erasure is started with a signed-in user's token, not an API key");
        }
    }
}
