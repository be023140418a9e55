package io.tenantchat.shared.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable.Counter;
import io.tenantchat.shared.table.TenantsTable.Hold;
import io.tenantchat.shared.table.TenantsTable.Live;
import io.tenantchat.shared.table.TenantsTable.Plan;
import io.tenantchat.shared.table.TenantsTable.Profile;
import io.tenantchat.shared.table.TenantsTable.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TenantsTableContractTests {

    private static final TenantId TENANT = TenantId.of("tenant-001");
    private static final SessionId SESSION = SessionId.of("2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final MessageId MESSAGE = MessageId.of("0192f0c6-8a2b-7c3d-9e4f-0123456789ab");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void buildsTheFixtureItemsOfEveryKind() throws IOException {
        JsonNode fixture = fixture();

        assertThat(tree(item(TenantsTable.PLAN, Plan.MAX_IN_FLIGHT, 4, Plan.MODEL_OVERRIDE, "eu.model-b:0")))
                .isEqualTo(fixture.get("plan"));
        assertThat(tree(item(TenantsTable.second(1796212800L), Counter.COUNT, 3, TenantsTable.EXPIRES_AT, 1796212920L)))
                .isEqualTo(fixture.get("second"));
        assertThat(tree(item(TenantsTable.day("2026-12-03"), Counter.COUNT, 12, TenantsTable.EXPIRES_AT, 1796472000L)))
                .isEqualTo(fixture.get("day"));
        assertThat(tree(item(TenantsTable.month("2026-12"), Counter.COUNT, 40, TenantsTable.EXPIRES_AT, 1830772800L)))
                .isEqualTo(fixture.get("month"));
        assertThat(tree(item(TenantsTable.tokens("2026-12"), Tokens.COMMITTED, 5200, Tokens.RESERVED, 1200,
                TenantsTable.EXPIRES_AT, 1830772800L))).isEqualTo(fixture.get("tokens"));
        assertThat(tree(item(TenantsTable.LIVE, Live.INFLIGHT, 1, Live.SESSIONS, Map.of(SESSION.value(), 1))))
                .isEqualTo(fixture.get("live"));
    }

    @Test
    void buildsTheFixtureProfileWithEverySetting() throws IOException {
        Map<String, Object> profile = item(TenantsTable.PROFILE, Profile.VERSION, 3, Profile.SYSTEM_PROMPT, "Be brief.",
                Profile.MODEL, "eu.model-a:0", Profile.MAX_OUTPUT_TOKENS, 300, Profile.TEMPERATURE, 0.25,
                Profile.GUARDRAIL_ID, "gr0abc12", Profile.GUARDRAIL_VERSION, "DRAFT", Profile.HISTORY_MAX_TURNS, 6,
                Profile.HISTORY_MAX_CHARS, 900, Profile.RETENTION_DAYS, 30, Profile.UPDATED_AT, "2026-12-03T10:00:00Z",
                Profile.UPDATED_BY, "tenant-001/admin");

        assertThat(tree(profile)).isEqualTo(fixture().get("profile"));
    }

    @Test
    void buildsTheFixtureHold() throws IOException {
        Map<String, Object> hold = item(TenantsTable.hold(MESSAGE), Hold.SESSION_ID, SESSION.value(),
                Hold.MONTH, "2026-12", Hold.DAY, "2026-12-03", Hold.IN_FLIGHT, 1, Hold.RESERVED, 1200,
                Hold.HELD_AT, 1796212800L, TenantsTable.EXPIRES_AT, 1799236800L, Hold.COUNTER_KEY, TenantsTable.LIVE);

        assertThat(tree(hold)).isEqualTo(fixture().get("hold"));
    }

    @Test
    void readsTheMessageAndTheCounterItemOfTheFixtureHold() throws IOException {
        JsonNode hold = fixture().get("hold");

        assertThat(TenantsTable.heldMessage(hold.get(TenantsTable.SK).asString())).contains(MESSAGE);
        assertThat(TenantsTable.counterItem(hold.get(Hold.COUNTER_KEY).asString())).isEqualTo(TenantsTable.LIVE);
        assertThat(hold.get(Hold.RESERVED).asLong()).isEqualTo(1200L);
    }

    @Test
    void findsNoHeldMessageInOtherItemsOrMalformedHolds() {
        assertThat(TenantsTable.heldMessage(TenantsTable.tokens("2026-12"))).isEmpty();
        assertThat(TenantsTable.heldMessage(TenantsTable.LIVE)).isEmpty();
        assertThat(TenantsTable.heldMessage(TenantsTable.HOLD_PREFIX + "not-a-message")).isEmpty();
    }

    @Test
    void countsASlotInTheLiveItemUnlessTheHoldNamesAnother() {
        assertThat(TenantsTable.counterItem(null)).isEqualTo(TenantsTable.LIVE);
        assertThat(TenantsTable.counterItem(" ")).isEqualTo(TenantsTable.LIVE);
        assertThat(TenantsTable.counterItem("live#3")).isEqualTo("live#3");
    }

    @Test
    void givesBackExactlyWhatTheHoldStillHolds() {
        assertThat(Hold.releaseUpdate(true, true)).isEqualTo("REMOVE in_flight, reserved");
        assertThat(Hold.releaseCondition(true, true)).isEqualTo("attribute_exists(in_flight) AND reserved = :t");
        assertThat(Hold.releaseUpdate(true, false)).isEqualTo("REMOVE in_flight");
        assertThat(Hold.releaseCondition(true, false)).isEqualTo("attribute_exists(in_flight)");
        assertThat(Hold.releaseUpdate(false, true)).isEqualTo("REMOVE reserved");
        assertThat(Hold.releaseCondition(false, true)).isEqualTo("reserved = :t");
    }

    @Test
    void movesTheCountersBackByWhatAHoldGivesBack() {
        assertThat(Live.RELEASE_SLOT).isEqualTo("ADD inflight :minus SET sessions.#sid = sessions.#sid - :one");
        assertThat(Live.RELEASE_SLOT_CONDITION).isEqualTo("attribute_exists(sessions.#sid)");
        assertThat(Live.FORGET_SESSION).isEqualTo("REMOVE sessions.#sid");
        assertThat(Live.FORGET_SESSION_CONDITION).isEqualTo("sessions.#sid <= :zero");
        assertThat(Tokens.RELEASE).isEqualTo("ADD committed :minus, reserved :minus");
    }

    private Map<String, Object> item(String sortKey, Object... attributes) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(TenantsTable.TENANT_ID, TENANT.value());
        item.put(TenantsTable.SK, sortKey);
        for (int i = 0; i < attributes.length; i += 2) {
            item.put((String) attributes[i], attributes[i + 1]);
        }
        return item;
    }

    /** The item as JSON text read back, so numbers compare by value as in the fixture. */
    private JsonNode tree(Object value) {
        return json.readTree(json.writeValueAsString(value));
    }

    private JsonNode fixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contracts/tables/tenants-items.json")) {
            return json.readTree(in);
        }
    }
}
