package io.tenantchat.api.identity;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller out of a verified token: a valid tenant claim and subject, and the Cognito groups. */
final class CallerClaims {

    static final String GROUPS = "cognito:groups";

    private CallerClaims() {
    }

    /** The caller, or empty when the tenant claim or subject is missing or malformed. */
    static Optional<Caller> callerOf(Jwt jwt, String tenantClaim) {
        Object tenant = jwt.getClaims().get(tenantClaim);
        if (!(tenant instanceof String value) || !TenantId.isValid(value) || !UserId.isValid(jwt.getSubject())) {
            return Optional.empty();
        }
        return Optional.of(new Caller(TenantId.of(value), UserId.of(jwt.getSubject()), groups(jwt)));
    }

    static Set<String> groups(Jwt jwt) {
        if (!(jwt.getClaims().get(GROUPS) instanceof List<?> groups)) {
            return Set.of();
        }
        return groups.stream().filter(String.class::isInstance).map(String.class::cast)
                .collect(Collectors.toUnmodifiableSet());
    }
}
