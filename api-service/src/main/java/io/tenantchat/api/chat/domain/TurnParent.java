package io.tenantchat.api.chat.domain;

import io.tenantchat.shared.MessageId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The turn a turn follows, as stored in {@code parent_message_id} (docs/adr/006-conversation-branches.md):
 * {@link #IMPLICIT} (no attribute: stored before its session branched; it follows the previous such turn),
 * {@link #ROOT} ({@value #ROOT_WIRE}: it starts the conversation) or another turn's message id.
 */
public record TurnParent(@Nullable MessageId idOrNull, boolean stored) {

    public static final String ROOT_WIRE = "root";
    public static final TurnParent IMPLICIT = new TurnParent(null, false);
    public static final TurnParent ROOT = new TurnParent(null, true);

    public TurnParent {
        if (idOrNull != null && !stored) {
            throw new IllegalArgumentException("a named parent is stored");
        }
    }

    public static TurnParent of(MessageId id) {
        return new TurnParent(Objects.requireNonNull(id, "id"), true);
    }

    /** {@code id} as a parent, or {@link #ROOT} for null. */
    public static TurnParent ofNullable(@Nullable MessageId id) {
        return id == null ? ROOT : of(id);
    }

    /** The attribute's value: null (absent), {@value #ROOT_WIRE}, or a message id. */
    public @Nullable String wire() {
        return !stored ? null : idOrNull == null ? ROOT_WIRE : idOrNull.value();
    }

    public static TurnParent fromWire(@Nullable String value) {
        return value == null ? IMPLICIT : ROOT_WIRE.equals(value) ? ROOT : of(MessageId.of(value));
    }
}
