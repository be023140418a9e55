package io.tenantchat.api.webclient;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The client's page and assets need no token and come with a CSP that allows no inline script and no eval. */
@WebMvcTest(controllers = ClientConfigController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=web-client,other-client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "tenantchat.web-client.auth-mode=password",
        "tenantchat.web-client.cognito-endpoint=http://localhost:9229",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class})
class WebClientPageWebTests {

    @Autowired
    MockMvc mvc;

    @Test
    void servesThePageWithoutATokenUnderAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/assets/app.js")))
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("script-src 'self';"),
                        containsString("connect-src 'self' http://localhost:9229;"),
                        containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-inline")), not(containsString("unsafe-eval")))))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void servesTheBundledScriptWithoutAToken() throws Exception {
        mvc.perform(get("/assets/app.js"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
    }

    @Test
    void publishesTheSignInSettingsWithoutAToken() throws Exception {
        mvc.perform(get("/client-config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auth_mode").value("password"))
                .andExpect(jsonPath("$.cognito_endpoint").value("http://localhost:9229"))
                .andExpect(jsonPath("$.client_id").value("web-client"))
                .andExpect(jsonPath("$.tenant_claim").value("custom:tenant_id"));
    }

    @Test
    void stillRefusesAnythingElseWithoutAToken() throws Exception {
        mvc.perform(get("/assets/../api/sessions")).andExpect(status().is4xxClientError());
        mvc.perform(get("/something-else")).andExpect(status().is4xxClientError());
    }
}
