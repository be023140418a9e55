package io.tenantchat.api.webclient;

import io.swagger.v3.oas.annotations.Hidden;
import io.tenantchat.api.identity.AuthProperties;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public sign-in settings for the browser client: nothing secret (the app client has no secret). */
@Hidden
@RestController
class ClientConfigController {

    private final ClientConfigResponse config;

    ClientConfigController(WebClientProperties client, AuthProperties auth) {
        this.config = new ClientConfigResponse(client.authMode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                client.cognitoEndpoint().toString(), auth.clientIds().get(0), client.hostedUiDomain(),
                client.redirectUri(), auth.tenantClaim());
    }

    @GetMapping("/client-config")
    ClientConfigResponse config() {
        return config;
    }

    /** Wire shape (snake_case like every answer). */
    record ClientConfigResponse(String authMode, String cognitoEndpoint, String clientId, String hostedUiDomain,
            String redirectUri, String tenantClaim) {
    }
}
