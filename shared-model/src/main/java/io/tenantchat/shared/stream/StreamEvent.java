package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;

/**
 * What the worker tells the subscribers of a session while it answers one user message, published on
 * {@link StreamChannels#channel}. Within one attempt {@code seq} grows by one per event; a new attempt starts over
 * and voids the text of the attempts before it. {@code type} names the event on the wire.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ReplyDelta.class, name = "delta"),
    @JsonSubTypes.Type(value = ReplyRestarted.class, name = "restarted"),
    @JsonSubTypes.Type(value = ReplyCompleted.class, name = "completed"),
    @JsonSubTypes.Type(value = ReplyFailed.class, name = "failed"),
    @JsonSubTypes.Type(value = ReplySettled.class, name = "settled"),
    @JsonSubTypes.Type(value = ReplyCancelled.class, name = "cancelled")
})
public sealed interface StreamEvent permits ReplyDelta, ReplyRestarted, ReplyCompleted, ReplyFailed,
        ReplySettled, ReplyCancelled {

    TenantId tenantId();

    SessionId sessionId();

    /** The user message being answered. */
    MessageId messageId();
}
