package io.tenantchat.shared.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MessagesTableContractTests {

    private static final TenantId TENANT = TenantId.of("tenant-001");
    private static final SessionId SESSION = SessionId.of("2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final MessageId MESSAGE = MessageId.of("0192f0c6-8a2b-7c3d-9e4f-0123456789ab");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void buildsTheFixtureKeysOfAUserMessageItsReplyAndItsLookup() throws IOException {
        JsonNode fixture = fixture();

        assertThat(key(MessagesTable.conversation(TENANT, SESSION), MessagesTable.userMessage(MESSAGE)))
                .isEqualTo(fixture.get("user_message"));
        assertThat(key(MessagesTable.conversation(TENANT, SESSION), MessagesTable.reply(MESSAGE)))
                .isEqualTo(fixture.get("reply"));
        assertThat(key(MessagesTable.ref(TENANT, MESSAGE), MessagesTable.REF_SORT_KEY)).isEqualTo(fixture.get("lookup"));
    }

    @Test
    void ordersAReplyRightAfterItsMessageAndBothUnderTheMessagePrefix() throws IOException {
        JsonNode fixture = fixture();
        String user = fixture.get("user_message").get(MessagesTable.SK).asString();
        String reply = fixture.get("reply").get(MessagesTable.SK).asString();

        assertThat(user).startsWith(MessagesTable.messagePrefix(MESSAGE)).isLessThan(reply);
        assertThat(reply).startsWith(MessagesTable.messagePrefix(MESSAGE));
        assertThat(fixture.get("user_message").get(MessagesTable.PK).asString()).startsWith(TENANT.value() + "#");
    }

    private JsonNode key(String pk, String sk) {
        return json.valueToTree(Map.of(MessagesTable.PK, pk, MessagesTable.SK, sk));
    }

    private JsonNode fixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contracts/tables/messages-keys.json")) {
            return json.readTree(in);
        }
    }
}
