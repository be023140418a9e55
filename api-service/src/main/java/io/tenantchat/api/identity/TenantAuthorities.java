package io.tenantchat.api.identity;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Grants {@code TENANT_MEMBER} only to tokens whose tenant claim and subject are valid, plus one
 * {@code GROUP_<name>} authority per Cognito group. A verified token without a tenant is authenticated
 * but refused (403) by the {@code /api/**} rule.
 */
public final class TenantAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String TENANT_MEMBER = "TENANT_MEMBER";

    private final String tenantClaim;

    public TenantAuthorities(String tenantClaim) {
        this.tenantClaim = tenantClaim;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (TenantId.isValid(jwt.getClaimAsString(tenantClaim)) && UserId.isValid(jwt.getSubject())) {
            authorities.add(new SimpleGrantedAuthority(TENANT_MEMBER));
        }
        List<String> groups = jwt.getClaimAsStringList("cognito:groups");
        if (groups != null) {
            groups.forEach(group -> authorities.add(new SimpleGrantedAuthority("GROUP_" + group)));
        }
        return authorities;
    }
}
