package io.tenantchat.shared.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditTableContractTests {

    private static final AuditEntry ENTRY = new AuditEntry(TenantId.of("tenant-001"), 7, "tenant-001/admin-1",
            "plan.changed", "plan", Map.of("tier", "basic"), Map.of("tier", "pro"),
            Instant.parse("2026-12-03T10:00:00Z"), "req-42", "aa11", "bb22");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesTheFixtureItemOfAnEntry() throws IOException {
        assertThat(json.readTree(json.writeValueAsString(AuditTable.attributes(ENTRY)))).isEqualTo(fixture());
    }

    @Test
    void readsTheFixtureItemBackAsTheSameEntry() throws IOException {
        JsonNode item = fixture();
        AuditTable.Attributes attributes = new AuditTable.Attributes() {
            @Override
            public String string(String name) {
                return item.get(name).asString();
            }

            @Override
            public Map<String, String> map(String name) {
                return item.has(name) ? json.convertValue(item.get(name), new tools.jackson.core.type.TypeReference<>() {
                }) : Map.of();
            }
        };

        assertThat(AuditTable.entry(attributes)).isEqualTo(ENTRY);
        assertThat(AuditTable.entry(attributes).expectedHash()).isEqualTo(ENTRY.expectedHash());
    }

    private JsonNode fixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contracts/tables/audit-item.json")) {
            return json.readTree(in);
        }
    }
}
