package io.tenantchat.api.identity;

import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authentication that already is a {@link Caller} (an API key's): a member of its tenant with no Cognito
 * group, so it passes the {@code /api/**} rule as an ordinary user and no tenant-admin or operator rule. It holds
 * no credentials: the presented key is not kept.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient Caller caller;

    public CallerAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(TenantAuthorities.TENANT_MEMBER)));
        this.caller = Objects.requireNonNull(caller, "caller");
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller.tenantId().value() + "/" + caller.userId().value();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication o && caller.equals(o.caller);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }
}
