package io.tenantchat.worker.reply.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@link ModelProvider#select} picks the provider named by {@link ConditionalOnModelProvider}. */
class OnModelProviderCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ModelProvider wanted =
                metadata.getAnnotations().get(ConditionalOnModelProvider.class).getEnum("value", ModelProvider.class);
        ModelProvider selected = selected(Binder.get(context.getEnvironment()));
        String message = "model provider " + selected + (selected == wanted ? " is " : " is not ") + wanted;
        return selected == wanted ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }

    static ModelProvider selected(Binder binder) {
        return ModelProvider.select(value(binder, "agentcore-runtime-arn"), value(binder, "agent-id"),
                value(binder, "agent-alias-id"), value(binder, "openai.base-url"));
    }

    private static @Nullable String value(Binder binder, String name) {
        return binder.bind("tenantchat.model." + name, String.class).orElse(null);
    }
}
