package io.tenantchat.api.webclient;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the browser client needs to sign users in; served without a token at {@code /client-config}.
 *
 * @param authMode {@code hosted-ui} (Cognito hosted UI, authorization code + PKCE; AWS) or {@code password}
 *     (email and password through {@code InitiateAuth USER_PASSWORD_AUTH}; the local user pool)
 * @param cognitoEndpoint the Cognito user pool API the browser calls for {@code InitiateAuth} and token refresh
 * @param hostedUiDomain the hosted UI's base URL ({@code https://<prefix>.auth.<region>.amazoncognito.com}); empty
 *     when not used
 * @param redirectUri where the hosted UI sends the user back; empty: the page's own origin + {@code /}
 */
@Validated
@ConfigurationProperties("tenantchat.web-client")
public record WebClientProperties(@DefaultValue("hosted-ui") @NotNull AuthMode authMode, @NotNull URI cognitoEndpoint,
        @DefaultValue("") String hostedUiDomain, @DefaultValue("") String redirectUri) {

    /** How users sign in. */
    public enum AuthMode {
        HOSTED_UI, PASSWORD
    }
}
