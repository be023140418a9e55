package io.tenantchat.api.isolation;

import static io.tenantchat.api.isolation.Scope.CALLER_COLLECTION;
import static io.tenantchat.api.isolation.Scope.CALLER_REQUEST;
import static io.tenantchat.api.isolation.Scope.OWN_RESOURCE;
import static io.tenantchat.api.isolation.Scope.PLATFORM_OPERATOR;
import static io.tenantchat.api.isolation.Scope.TENANT_ADMIN;
import static io.tenantchat.api.isolation.Scope.TENANT_ADMIN_RESOURCE;
import static io.tenantchat.api.isolation.Scope.TENANT_RESOURCE;
import static io.tenantchat.api.isolation.Scope.USER_ERASURE;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * THE TABLE: one case per operation of the OpenAPI document. A new endpoint makes
 * {@link TenantIsolationIntegrationTests#everyDocumentedOperationHasAnIsolationCase} fail until a line is added here:
 * its key as in the document, its {@link Scope}, and a body or query if it needs one. Path parameters are filled
 * from {@link Ids} by name.
 */
final class OperationCases {

    private OperationCases() {
    }

    static final List<OperationCase> ALL = List.of(
            OperationCase.of("POST /api/sessions", CALLER_COLLECTION),
            OperationCase.of("GET /api/sessions", CALLER_COLLECTION),
            OperationCase.of("GET /api/sessions/{sessionId}", OWN_RESOURCE),
            OperationCase.of("GET /api/sessions/{sessionId}/messages", OWN_RESOURCE),
            OperationCase.of("POST /api/chat", OWN_RESOURCE).withBody(OperationCases::chatBody),
            OperationCase.of("GET /api/chat/{messageId}", OWN_RESOURCE),
            OperationCase.of("GET /api/chat/{messageId}/events", OWN_RESOURCE),
            OperationCase.of("POST /api/chat/{messageId}/retry", OWN_RESOURCE),
            // after the retry: the owner stops the message it requeued (queued -> cancelled, 202)
            OperationCase.of("POST /api/chat/{messageId}/cancel", OWN_RESOURCE),
            // after the stop: the owner asks the cancelled message again (a sibling), edits it (another sibling),
            // then makes the original active again; each with another tenant's token and ids, another user's ids
            OperationCase.of("POST /api/chat/{messageId}/regenerate", OWN_RESOURCE),
            OperationCase.of("POST /api/chat/{messageId}/edit", OWN_RESOURCE)
                    .withBody(ids -> "{\"message\": \"edited by the isolation suite\"}"),
            OperationCase.of("PUT /api/sessions/{sessionId}/active", OWN_RESOURCE)
                    .withBody(ids -> "{\"message_id\": \"%s\"}".formatted(ids.messageId())),
            OperationCase.of("GET /api/tenants/{tenantId}/sessions", TENANT_ADMIN),
            OperationCase.of("GET /api/tenants/{tenantId}/usage", TENANT_RESOURCE),
            OperationCase.of("GET /api/admin/queues", PLATFORM_OPERATOR),
            OperationCase.of("GET /api/admin/queues/{queue}/dead-letters", PLATFORM_OPERATOR),
            OperationCase.of("POST /api/admin/queues/{queue}/dead-letters/replay", PLATFORM_OPERATOR)
                    .withBody(ids -> "{\"tenant_id\": \"%s\", \"dry_run\": true}".formatted(ids.tenantId())),
            OperationCase.of("GET /api/tenants/{tenantId}/subscription", TENANT_RESOURCE),
            OperationCase.of("GET /api/tenants/{tenantId}/profile", TENANT_RESOURCE),
            OperationCase.of("PUT /api/tenants/{tenantId}/profile", TENANT_ADMIN)
                    .withBody(ids -> "{\"system_prompt\": \"isolation\", \"temperature\": 0.5}"),
            OperationCase.of("PUT /api/admin/tenants/{tenantId}", PLATFORM_OPERATOR).withBody(ids -> """
                    {"name": "isolation", "tier": "open"}
                    """),
            OperationCase.of("POST /api/tenants/{tenantId}/api-keys", TENANT_ADMIN)
                    .withBody(ids -> "{\"label\": \"isolation\"}"),
            OperationCase.of("GET /api/tenants/{tenantId}/api-keys", TENANT_ADMIN),
            // the tenant's audit trail: its tenant-admin (and platform operators, who are not among the attackers)
            OperationCase.of("GET /api/tenants/{tenantId}/audit", TENANT_ADMIN),
            OperationCase.of("GET /api/tenants/{tenantId}/audit/verification", TENANT_ADMIN),
            OperationCase.of("GET /api/tenants/{tenantId}/export", TENANT_ADMIN),
            OperationCase.of("GET /api/sessions/{sessionId}/export", OWN_RESOURCE).withQuery(ids -> "format=json"),
            // its owner call revokes the victim tenant's key (the suite runs it after its attacks)
            OperationCase.of("DELETE /api/tenants/{tenantId}/api-keys/{keyId}", TENANT_ADMIN_RESOURCE),
            // the OpenAI-compatible API: the caller's own tenant only; a streamed completion answers 200 at once and
            // (no worker here) ends after tenantchat.openai.completion-timeout (RunningApi: 1 s)
            OperationCase.of("GET /v1/models", CALLER_COLLECTION),
            OperationCase.of("POST /v1/chat/completions", CALLER_REQUEST).withBody(ids -> """
                    {"model": "anthropic.claude-3-5-sonnet-20241022-v2:0", "stream": true,
                     "messages": [{"role": "user", "content": "hello from the isolation suite"}]}
                    """),
            OperationCase.of("PATCH /api/sessions/{sessionId}", OWN_RESOURCE).withBody(ids -> "{\"title\": \"renamed\"}"),
            // its owner call removes the victim's conversation (the suite runs it after its attacks)
            OperationCase.of("DELETE /api/sessions/{sessionId}", OWN_RESOURCE),
            // erasure, last of all: a job alice started (an erasure of herself before she had any data, World), then
            // her erasure and her tenant's off-boarding; owner calls that start a job wait for its end (the suite
            // runs them after their attacks, like a DELETE), so no attack meets a job still running
            OperationCase.of("GET /api/jobs/{jobId}", OWN_RESOURCE),
            OperationCase.of("POST /api/tenants/{tenantId}/users/{userId}/erase", USER_ERASURE).ownerCallLast(),
            OperationCase.of("POST /api/admin/tenants/{tenantId}/offboard", PLATFORM_OPERATOR).ownerCallLast());

    static Map<String, OperationCase> byKey() {
        return ALL.stream().collect(Collectors.toMap(OperationCase::key, Function.identity()));
    }

    /** The seed's chat body; the ids are put into {@code tenant_context} as given (the server must not trust them). */
    static String chatBody(Ids ids) {
        return """
                {"message": "hello from the isolation suite", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(ids.tenantId(), ids.userId(), ids.sessionId());
    }
}
