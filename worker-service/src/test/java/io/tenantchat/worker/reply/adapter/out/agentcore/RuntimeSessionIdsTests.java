package io.tenantchat.worker.reply.adapter.out.agentcore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.worker.reply.domain.ConversationScope;
import org.junit.jupiter.api.Test;

class RuntimeSessionIdsTests {

    private static final String SESSION = "0190f5c2-7d1e-7c3a-9b4e-2f6a8d0c1e3f";

    @Test
    void isAtLeast33CharactersEvenForTheShortestTenant() {
        assertThat(RuntimeSessionIds.of(scope("a", SESSION))).isEqualTo("a:" + SESSION).hasSizeBetween(33, 256);
    }

    @Test
    void staysWithin256CharactersForTheLongestTenant() {
        assertThat(RuntimeSessionIds.of(scope("t".repeat(64), SESSION))).hasSizeBetween(33, 256);
    }

    @Test
    void isDeterministicAndTenantDistinct() {
        assertThat(RuntimeSessionIds.of(scope("tenant-001", SESSION)))
                .isEqualTo(RuntimeSessionIds.of(scope("tenant-001", SESSION)))
                .isNotEqualTo(RuntimeSessionIds.of(scope("tenant-002", SESSION)));
    }

    private static ConversationScope scope(String tenant, String session) {
        return new ConversationScope(TenantId.of(tenant), UserId.of("user-1"), SessionId.of(session));
    }
}
