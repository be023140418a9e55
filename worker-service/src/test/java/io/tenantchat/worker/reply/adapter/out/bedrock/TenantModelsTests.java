package io.tenantchat.worker.reply.adapter.out.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationTestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantModelsTests {

    private static final String DEFAULT = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    private static final String OVERRIDE = "us.anthropic.claude-sonnet-4-20250514-v1:0";
    private final TenantModels models = new TenantModels(DEFAULT, Map.of("tenant-001", OVERRIDE));

    @Test
    void tenantWithAnOverrideGetsItsModel() {
        assertThat(models.modelFor(conversationOf("tenant-001"))).isEqualTo(OVERRIDE);
    }

    @Test
    void otherTenantsGetTheDeploymentsModel() {
        assertThat(models.modelFor(conversationOf("tenant-002"))).isEqualTo(DEFAULT);
    }

    @Test
    void conversationWithoutScopeGetsTheDeploymentsModel() {
        Conversation unscoped = new Conversation("You are TenantChat.", List.of(ChatTurn.user("tenant: tenant-001")));

        assertThat(models.modelFor(unscoped)).isEqualTo(DEFAULT);
    }

    @Test
    void refusesAMalformedOverrideNamingItsSetting() {
        assertThatThrownBy(() -> new TenantModels(DEFAULT, Map.of("tenant-001", "claude-sonnet-4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenantchat.model.tenant-models.tenant-001");
    }

    @Test
    void refusesAnOverrideForSomethingThatIsNotATenantId() {
        assertThatThrownBy(() -> new TenantModels(DEFAULT, Map.of("tenant 001", OVERRIDE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a tenant id");
    }

    private static Conversation conversationOf(String tenantId) {
        return ConversationTestData.forTenant(tenantId, "Hi");
    }
}
