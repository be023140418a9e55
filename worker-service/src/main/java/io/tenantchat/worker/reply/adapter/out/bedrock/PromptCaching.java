package io.tenantchat.worker.reply.adapter.out.bedrock;

import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Bedrock prompt caching for the models configured in {@code tenantchat.model.prompt-caching-models}: a
 * {@code cachePoint} after the system prompt (the tenant's profile, the same for all its conversations) and one
 * after the history (every turn before the current user turn, the same for the next reply of the conversation), so
 * the next call reads both from the cache at the cache-read price. A model id is compared without its ARN path and
 * cross-region prefix, so {@code us.anthropic.claude-sonnet-4-...} matches {@code anthropic.claude-sonnet-4-...}.
 */
final class PromptCaching {

    private static final CachePointBlock CACHE_POINT = CachePointBlock.builder().type(CachePointType.DEFAULT).build();

    private final Set<String> models;

    PromptCaching(List<String> models) {
        this.models = models.stream().map(PromptCaching::base).collect(Collectors.toUnmodifiableSet());
    }

    boolean supports(String modelId) {
        return models.contains(base(modelId));
    }

    static List<SystemContentBlock> system(String prompt, boolean cached) {
        return cached ? List.of(SystemContentBlock.fromText(prompt), SystemContentBlock.fromCachePoint(CACHE_POINT))
                : List.of(SystemContentBlock.fromText(prompt));
    }

    /** The turns as Bedrock messages; with caching, the last turn before the current one ends with a cache point. */
    static List<Message> messages(List<ChatTurn> turns, boolean cached) {
        List<Message> messages = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            ChatTurn turn = turns.get(i);
            List<ContentBlock> content = cached && i == turns.size() - 2
                    ? List.of(ContentBlock.fromText(turn.text()), ContentBlock.fromCachePoint(CACHE_POINT))
                    : List.of(ContentBlock.fromText(turn.text()));
            messages.add(Message.builder()
                    .role(turn.role() == Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
                    .content(content).build());
        }
        return messages;
    }

    private static String base(String modelId) {
        String id = modelId.contains("/") ? modelId.substring(modelId.lastIndexOf('/') + 1) : modelId;
        return id.replaceFirst("^(us|eu|apac|global|us-gov|jp|au|ca)\\.", "");
    }
}
