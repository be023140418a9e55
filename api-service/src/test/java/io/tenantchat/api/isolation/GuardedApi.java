package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api as deployed towards callers: unregistered tenants refused ({@code UNKNOWN_TENANTS=refuse}) and small
 * per-caller bounds, so tests can reach them. Subclasses share one application context; each test registers its
 * own tenants through the operator endpoint.
 */
abstract class GuardedApi extends RunningApi {

    static final int SUBSCRIPTIONS_PER_SOCKET = 3;
    static final int SOCKETS_PER_USER = 2;
    static final int LONG_POLLS_PER_USER = 2;
    static final int SESSIONS_PER_USER = 6;
    static final int PREMIUM_RETENTION_DAYS = 30;

    @DynamicPropertySource
    static void guardedProperties(DynamicPropertyRegistry registry) {
        registry.add("tenantchat.tenants.unknown-tenants", () -> "refuse");
        registry.add("tenantchat.stream.max-subscriptions-per-socket", () -> SUBSCRIPTIONS_PER_SOCKET);
        registry.add("tenantchat.stream.max-sockets-per-user", () -> SOCKETS_PER_USER);
        registry.add("tenantchat.chat.max-long-polls-per-user", () -> LONG_POLLS_PER_USER);
        registry.add("tenantchat.limits.max-sessions-per-user", () -> SESSIONS_PER_USER);
        // plans stay cached for the whole run: only the change notice can explain a changed plan taking effect
        registry.add("tenantchat.tenants.plan-cache.ttl", () -> "10m");
        // retention: the premium tier keeps conversations 30 days by default, the others forever (RETENTION_DAYS=0)
        registry.add("tenantchat.retention.tiers.premium", () -> PREMIUM_RETENTION_DAYS);
    }

    /** A fresh tenant registered by a platform operator with the given limits JSON (null: the tier's). */
    String registeredTenant(String tier, String limitsJson) {
        String tenant = "tenant-guard-" + UUID.randomUUID().toString().substring(0, 8);
        String body = limitsJson == null ? "{\"name\": \"%s\", \"tier\": \"%s\"}".formatted(tenant, tier)
                : "{\"name\": \"%s\", \"tier\": \"%s\", \"limits\": %s}".formatted(tenant, tier, limitsJson);
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/api/admin/tenants/" + tenant))
                .header("Authorization", "Bearer " + World.operator(TOKENS).token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 201);
        return tenant;
    }

    /** A tenant-admin of {@code tenant}. */
    static Actor admin(String tenant) {
        return World.actor(TOKENS, tenant, "admin", "tenant-admin");
    }

    /** Replaces {@code tenant}'s profile as its tenant-admin; {@code json} is the whole profile. */
    HttpResponse<String> putProfile(String tenant, String json) {
        return send(HttpRequest.newBuilder(uri("/api/tenants/" + tenant + "/profile"))
                .header("Authorization", "Bearer " + admin(tenant).token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> get(String path, Actor actor) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + actor.token()).GET().build());
    }

    String newSession(Actor actor) {
        HttpResponse<String> created = send(post("/api/sessions", actor, null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return com.jayway.jsonpath.JsonPath.read(created.body(), "$.session_id");
    }

    URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    IsolationSocket socket(Actor actor) {
        IsolationSocket socket = IsolationSocket.open(wsUri(), null).join();
        socket.auth(actor.token());
        socket.awaitType("ready");
        return socket;
    }
}
