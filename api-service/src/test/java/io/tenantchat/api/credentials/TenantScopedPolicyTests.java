package io.tenantchat.api.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published tenant-scoped policy (docs/security/tenant-scoped-dynamodb-policy.json), evaluated the way IAM
 * evaluates {@code ForAllValues:StringLike} on {@code dynamodb:LeadingKeys} ({@code *} any run of characters,
 * {@code ?} one character, the session tag substituted first), against the partition keys the services build.
 * A tenant whose id is another's plus {@code -...} ({@code acme} and {@code acme-corp}) must reach none of the
 * other's keys.
 */
class TenantScopedPolicyTests {

    static final Path POLICY = Path.of("..", "docs", "security", "tenant-scoped-dynamodb-policy.json");
    static final String TENANT_TAG = "${aws:PrincipalTag/TenantId}";

    @Test
    void theTenantsOwnScopedCredentialsReachEveryKeyOfItsOwn() throws IOException {
        List<String> patterns = leadingKeyPatterns();

        assertThat(leadingKeysOf(TenantId.of("acme"))).allSatisfy(key -> assertThat(allows(patterns, "acme", key))
                .as("acme's credentials on %s", key).isTrue());
        assertThat(leadingKeysOf(TenantId.of("acme-corp"))).allSatisfy(key ->
                assertThat(allows(patterns, "acme-corp", key)).as("acme-corp's credentials on %s", key).isTrue());
    }

    @Test
    void acmesScopedCredentialsReachNoKeyOfAcmeCorp() throws IOException {
        List<String> patterns = leadingKeyPatterns();

        assertThat(leadingKeysOf(TenantId.of("acme-corp"))).allSatisfy(key ->
                assertThat(allows(patterns, "acme", key)).as("acme's credentials on acme-corp's %s", key).isFalse());
        assertThat(leadingKeysOf(TenantId.of("acme"))).allSatisfy(key ->
                assertThat(allows(patterns, "acme-corp", key)).as("acme-corp's credentials on acme's %s", key).isFalse());
    }

    @Test
    void aKeyWithoutTheTenantsSeparatorIsRefused() throws IOException {
        List<String> patterns = leadingKeyPatterns();

        assertThat(allows(patterns, "acme", "acme-corp-alice-s1")).isFalse();
        assertThat(allows(patterns, "acme", "acmecorp#x")).isFalse();
        assertThat(allows(patterns, "acme", "acme")).isTrue();
    }

    /** Every kind of partition (or GSI partition) key of docs/architecture.md, built as the services build them. */
    static List<String> leadingKeysOf(TenantId t) {
        String session = SessionId.random().value();
        return List.of(
                ChatSession.keyOf(t, UserId.of("alice"), SessionId.of(session)), // sessions
                ChatSession.userCounterKeyOf(t, UserId.of("alice")), // sessions: the user's session counter
                t.value() + "#alice", // sessions GSI tenant_user
                t.value(), // sessions GSI tenant_id, usage table, tenants table (plan, quota counters, holds), audit table
                t.value() + "#" + session, // a conversation
                t.value() + "#message#0190f1e0-0000-7000-8000-000000000001", // a message lookup
                t.value() + "#idem#9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", // idempotency
                UsageRollupKeys.partition(t, Granularity.DAY, 3), // rollups
                UsageRollupKeys.eventMarker(t, "event-1"));
    }

    static List<String> leadingKeyPatterns() throws IOException {
        String json = Files.readString(POLICY);
        List<List<String>> allowed = JsonPath.read(json,
                "$.Statement[?(@.Effect == 'Allow')].Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']");
        assertThat(allowed).as("LeadingKeys conditions in %s", POLICY).isNotEmpty();
        return allowed.stream().flatMap(List::stream).toList();
    }

    /** ForAllValues:StringLike for one leading key: it must match one of the patterns. */
    static boolean allows(List<String> patterns, String tenantTag, String leadingKey) {
        return patterns.stream().map(p -> p.replace(TENANT_TAG, tenantTag))
                .anyMatch(p -> like(p).matcher(leadingKey).matches());
    }

    static Pattern like(String pattern) {
        return Pattern.compile(pattern.chars().mapToObj(c -> switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(Character.toString(c));
        }).collect(Collectors.joining()));
    }
}
