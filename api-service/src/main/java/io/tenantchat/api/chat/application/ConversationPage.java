package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.shared.MessageId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a conversation in order; {@code nextCursor} (the last message id of the page) is present when more
 * messages follow.
 */
public record ConversationPage(List<Exchange> exchanges, @Nullable MessageId nextCursorOrNull) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ConversationPage {
        exchanges = List.copyOf(exchanges);
    }

    public Optional<MessageId> nextCursor() {
        return Optional.ofNullable(nextCursorOrNull);
    }
}
