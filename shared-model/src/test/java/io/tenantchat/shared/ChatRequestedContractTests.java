package io.tenantchat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestedContractTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheFixtureIntoTypedIds() throws IOException {
        ChatRequested job = json.readValue(fixture(), ChatRequested.class);

        assertThat(job.messageId()).isEqualTo(MessageId.of("0192f0c6-8a2b-7c3d-9e4f-0123456789ab"));
        assertThat(job.tenantId()).isEqualTo(TenantId.of("tenant-001"));
        assertThat(job.sessionId().value()).isEqualTo("2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d");
        assertThat(job.requestedAt()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void writesExactlyTheFixtureFields() throws IOException {
        ChatRequested job = json.readValue(fixture(), ChatRequested.class);

        JsonNode written = json.readTree(json.writeValueAsString(job));

        assertThat(written).isEqualTo(json.readTree(fixture()));
    }

    @Test
    void groupsByTenantAndSessionAndDeduplicatesByMessage() throws IOException {
        ChatRequested job = json.readValue(fixture(), ChatRequested.class);

        assertThat(job.messageGroupId()).isEqualTo("tenant-001#2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d");
        assertThat(job.deduplicationId()).isEqualTo(job.messageId().value());
    }

    @Test
    void tenantGroupingSerialisesTheWholeTenant() throws IOException {
        ChatRequested job = json.readValue(fixture(), ChatRequested.class);

        assertThat(job.messageGroupId(MessageGrouping.TENANT)).isEqualTo("tenant-001");
        assertThat(job.messageGroupId(MessageGrouping.SESSION)).isEqualTo(job.messageGroupId());
    }

    @Test
    void carriesAGivenConversationExactlyAsTheFixtureHasIt() throws IOException {
        String fixture = fixture("/contracts/chat-requested-given.json");
        ChatRequested job = json.readValue(fixture, ChatRequested.class);

        assertThat(job.given()).isNotNull();
        assertThat(job.given().messages()).extracting(GivenConversation.Message::role)
                .containsExactly("system", "user", "assistant", "user");
        assertThat(job.given().model()).isEqualTo("anthropic.claude-3-5-sonnet-20241022-v2:0");
        assertThat(job.given().maxTokens()).isEqualTo(64);
        assertThat(job.given().temperature()).isEqualTo(0.2);
        assertThat(json.readTree(json.writeValueAsString(job))).isEqualTo(json.readTree(fixture));
    }

    @Test
    void aChatJobCarriesNoGivenConversation() throws IOException {
        ChatRequested job = json.readValue(fixture(), ChatRequested.class);

        assertThat(job.given()).isNull();
        assertThat(json.writeValueAsString(job)).doesNotContain("given");
    }

    @Test
    void refusesAGivenConversationThatDoesNotEndWithTheUser() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GivenConversation(
                java.util.List.of(new GivenConversation.Message("user", "hi"),
                        new GivenConversation.Message("assistant", "hello")), "m", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String fixture() throws IOException {
        return fixture("/contracts/chat-requested.json");
    }

    private String fixture(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
