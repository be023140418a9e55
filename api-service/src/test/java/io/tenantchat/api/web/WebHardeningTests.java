package io.tenantchat.api.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.config.WebConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Body limit, strict JSON, problem JSON for framework errors, security headers, CORS and tenant-claim checks. */
@WebMvcTest(controllers = WebHardeningTests.EchoController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "tenantchat.web.allowed-origins=https://app.example",
        "tenantchat.web.max-request-body=1KB",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, WebConfig.class, ProblemHandler.class, WebHardeningTests.EchoController.class})
class WebHardeningTests {

    /** A stand-in endpoint, so these tests do not depend on any feature's controllers. */
    @RestController
    static class EchoController {

        record Greeting(String message, int count) {
        }

        @PostMapping("/api/echo")
        Greeting echo(@RequestBody Greeting greeting) {
            return greeting;
        }

        @GetMapping("/api/echo")
        Greeting hello() {
            return new Greeting("hello", 1);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void refusesABodyOverTheLimitWith413BeforeReadingIt() throws Exception {
        mvc.perform(post("/api/echo").with(member("tenant-001", "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\": \"" + "x".repeat(2_000) + "\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("body_too_large"));
    }

    @Test
    void acceptsAWellFormedBody() throws Exception {
        mvc.perform(post("/api/echo").with(member("tenant-001", "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\": \"hi\", \"count\": 2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2));
    }

    @Test
    void refusesANullForANumber() throws Exception {
        mvc.perform(post("/api/echo").with(member("tenant-001", "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\": \"hi\", \"count\": null}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void refusesUnknownJsonProperties() throws Exception {
        mvc.perform(post("/api/echo").with(member("tenant-001", "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\": \"hi\", \"count\": 1, \"tenant_id\": \"tenant-002\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_body"));
    }

    @Test
    void refusesDuplicatedJsonProperties() throws Exception {
        mvc.perform(post("/api/echo").with(member("tenant-001", "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\": \"hi\", \"count\": 1, \"message\": \"other\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_body"));
    }

    @Test
    void answersUnknownPathsWithA404Problem() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(member("tenant-001", "alice")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("not_found"));
    }

    @Test
    void answersAWrongMethodWithA405Problem() throws Exception {
        mvc.perform(delete("/api/echo").with(member("tenant-001", "alice")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("method_not_allowed"));
    }

    @Test
    void answersAWrongContentTypeWithA415Problem() throws Exception {
        mvc.perform(post("/api/echo").with(member("tenant-001", "alice")).contentType(MediaType.TEXT_PLAIN).content("hi"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unsupported_media_type"));
    }

    @Test
    void sendsSecurityHeadersOnEveryAnswer() throws Exception {
        mvc.perform(get("/api/echo"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void allowsCrossOriginCallsOnlyFromConfiguredOrigins() throws Exception {
        mvc.perform(options("/api/echo").header("Origin", "https://app.example")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "Authorization"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://app.example"));
        mvc.perform(options("/api/echo").header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void refusesTokensWhoseTenantClaimIsMalformed() throws Exception {
        for (Object tenant : List.of("tenant#001", "../tenant-001", "", "t".repeat(65), List.of("tenant-001"), 42)) {
            mvc.perform(get("/api/echo").with(jwt().jwt(j -> j.subject("alice").claim("custom:tenant_id", tenant))
                            .authorities(new TenantAuthorities("custom:tenant_id"))))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(not(containsString("tenant-001"))));
        }
    }

    private static RequestPostProcessor member(String tenant, String userId) {
        return jwt().jwt(j -> j.subject(userId).claim("custom:tenant_id", tenant))
                .authorities(new TenantAuthorities("custom:tenant_id"));
    }
}
