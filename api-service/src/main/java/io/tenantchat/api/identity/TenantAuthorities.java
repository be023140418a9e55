package io.tenantchat.api.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Grants {@code TENANT_MEMBER} only to tokens whose tenant claim (a string matching the tenant id rules) and
 * subject are valid, plus one {@code GROUP_<name>} authority per Cognito group. A verified token without a
 * valid tenant is authenticated but refused (403) by the {@code /api/**} rule.
 */
public final class TenantAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String TENANT_MEMBER = "TENANT_MEMBER";
    public static final String GROUP_PREFIX = "GROUP_";
    public static final String TENANT_ADMIN = GROUP_PREFIX + Caller.TENANT_ADMIN;
    public static final String PLATFORM_OPERATOR = GROUP_PREFIX + Caller.PLATFORM_OPERATOR;

    private final String tenantClaim;

    public TenantAuthorities(String tenantClaim) {
        this.tenantClaim = tenantClaim;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (CallerClaims.callerOf(jwt, tenantClaim).isPresent()) {
            authorities.add(new SimpleGrantedAuthority(TENANT_MEMBER));
        }
        CallerClaims.groups(jwt).forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group)));
        return authorities;
    }
}
