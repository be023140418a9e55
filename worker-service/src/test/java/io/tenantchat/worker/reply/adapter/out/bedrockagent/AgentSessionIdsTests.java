package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.worker.reply.domain.ConversationScope;
import org.junit.jupiter.api.Test;

class AgentSessionIdsTests {

    private static final String ALLOWED = "[0-9a-zA-Z._:-]{2,100}";
    private static final String SESSION = "0190f5c2-7d1e-7c3a-9b4e-2f6a8d0c1e3f";

    @Test
    void isReadableTenantAndSessionWhenThatFits() {
        assertThat(AgentSessionIds.of(scope("tenant-001", SESSION))).isEqualTo("tenant-001:" + SESSION)
                .matches(ALLOWED);
    }

    @Test
    void hashesWhenTenantAndSessionExceed100Characters() {
        String id = AgentSessionIds.of(scope("t".repeat(64), SESSION));

        assertThat(id).startsWith("tc:").matches(ALLOWED).hasSize(67);
    }

    @Test
    void isTheSameForEveryMessageOfASession() {
        assertThat(AgentSessionIds.of(scope("t".repeat(64), SESSION)))
                .isEqualTo(AgentSessionIds.of(scope("t".repeat(64), SESSION)));
    }

    @Test
    void differsBetweenTenantsWithTheSameSessionId() {
        assertThat(AgentSessionIds.of(scope("tenant-001", SESSION)))
                .isNotEqualTo(AgentSessionIds.of(scope("tenant-002", SESSION)));
        assertThat(AgentSessionIds.of(scope("a".repeat(64), SESSION)))
                .isNotEqualTo(AgentSessionIds.of(scope("b".repeat(64), SESSION)));
    }

    private static ConversationScope scope(String tenant, String session) {
        return new ConversationScope(TenantId.of(tenant), UserId.of("user-1"), SessionId.of(session));
    }
}
