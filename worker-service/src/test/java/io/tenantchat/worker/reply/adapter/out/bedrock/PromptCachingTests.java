package io.tenantchat.worker.reply.adapter.out.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.worker.reply.domain.ChatTurn;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

class PromptCachingTests {

    final PromptCaching caching = new PromptCaching(List.of("anthropic.claude-sonnet-4-20250514-v1:0",
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6"));

    @Test
    void matchesAModelWhateverItsCrossRegionPrefixOrArn() {
        assertThat(caching.supports("anthropic.claude-sonnet-4-20250514-v1:0")).isTrue();
        assertThat(caching.supports("us.anthropic.claude-sonnet-4-20250514-v1:0")).isTrue();
        assertThat(caching.supports("jp.anthropic.claude-sonnet-4-20250514-v1:0")).isTrue();
        assertThat(caching.supports(
                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6")).isTrue();
        assertThat(caching.supports("anthropic.claude-3-5-sonnet-20241022-v2:0")).isFalse();
    }

    @Test
    void putsTheHistoryCachePointAfterTheTurnBeforeTheCurrentOne() {
        List<Message> messages = PromptCaching.messages(List.of(ChatTurn.user("a"), ChatTurn.assistant("b"),
                ChatTurn.user("c")), true);

        assertThat(messages.get(1).content()).extracting(ContentBlock::cachePoint).last().isNotNull();
        assertThat(messages.get(2).content()).extracting(ContentBlock::cachePoint).containsOnlyNulls();
        assertThat(messages.get(0).content()).extracting(ContentBlock::cachePoint).containsOnlyNulls();
        assertThat(PromptCaching.messages(List.of(ChatTurn.user("only")), true).get(0).content()).hasSize(1);
        assertThat(PromptCaching.system("p", true)).hasSize(2);
        assertThat(PromptCaching.system("p", false)).hasSize(1);
    }
}
