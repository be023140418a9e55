package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.MessageId;
import java.util.Objects;

/**
 * The text a reply in progress has so far, stored beside the channel ({@link StreamChannels#snapshotKey}) before
 * each event is published, so that a subscriber joining mid-reply can catch up: it subscribes first, reads the
 * snapshot, then drops live events at or before ({@code attempt}, {@code seq}).
 */
public record ReplySnapshot(
        @JsonProperty("message_id") MessageId messageId,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("seq") long seq,
        @JsonProperty("text") String text) {

    public ReplySnapshot {
        Objects.requireNonNull(messageId, "message_id");
        StreamChecks.requirePosition(attempt, seq, 0);
        Objects.requireNonNull(text, "text");
    }
}
