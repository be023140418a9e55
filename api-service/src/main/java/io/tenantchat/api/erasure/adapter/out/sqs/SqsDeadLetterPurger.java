package io.tenantchat.api.erasure.adapter.out.sqs;

import io.tenantchat.api.erasure.application.DeadLetterPurger;
import io.tenantchat.api.erasure.config.ErasureQueueProperties;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DeadLetterPurger} on the chat requests' dead-letter queue (FIFO). Receives letters in batches and holds each
 * it keeps, so every receive brings letters not yet seen; the letters of the tenant (and user) are deleted as they
 * come, all others are made visible again when it is done (or when their hold runs out if it dies). A FIFO group
 * gives out no further letter while one of it is held, so when nothing new comes, the kept letters of the tenant's
 * own groups ({@code <tenant>} or {@code <tenant>#<session>}) are made visible once to let the rest of those groups
 * through. Letters whose body is not a chat job are left alone. Out of reach of one pass: a letter behind ten or more
 * kept letters of its own group (one receive returns at most ten; only {@code CHAT_GROUP_BY=tenant} puts users of a
 * tenant in one group), and one that a concurrent peek or replay holds at that moment; a rerun deletes it then.
 */
@Component
class SqsDeadLetterPurger implements DeadLetterPurger {

    /** Longer than a purge of a queue of ordinary depth takes; a letter a crashed purge held shows up after it. */
    static final Duration HOLD = Duration.ofMinutes(5);
    /** Receives are sampled: one without a new letter does not mean the queue is drained. */
    static final int RECEIVES_WITHOUT_NEWS_TO_STOP = 3;
    /** Bounds one pass (10 letters a receive); a rerun continues. */
    static final int MAX_RECEIVES = 2_000;

    private final DeadLetterQueue queue;
    private final JsonMapper json;

    SqsDeadLetterPurger(SqsAsyncClient sqs, JsonMapper json, ErasureQueueProperties queues) {
        this.queue = new DeadLetterQueue(sqs, queues.chatRequestsDlq(), HOLD, queues.receiveWait());
        this.json = json;
    }

    @Override
    public long purge(TenantId tenantId, Optional<UserId> user) {
        HeldLetters held = new HeldLetters(tenantId);
        long deleted = 0;
        try {
            int idle = 0;
            boolean releasedSinceNews = false;
            for (int receives = 0; receives < MAX_RECEIVES; receives++) {
                List<Message> letters = queue.receive();
                List<Message> purged = letters.stream().filter(letter -> belongs(letter, tenantId, user)).toList();
                deleted += queue.delete(purged);
                boolean fresh = held.take(letters.stream().filter(letter -> !purged.contains(letter)).toList())
                        || !purged.isEmpty();
                idle = fresh ? 0 : idle + 1;
                releasedSinceNews = !fresh && releasedSinceNews;
                if (idle >= RECEIVES_WITHOUT_NEWS_TO_STOP) {
                    if (releasedSinceNews || !held.anyOfTheTenantsGroups()) {
                        break;
                    }
                    queue.release(held.releaseTheTenantsGroups());
                    releasedSinceNews = true;
                    idle = 0;
                }
            }
        } finally {
            queue.release(held.releaseAll());
        }
        return deleted;
    }

    private boolean belongs(Message letter, TenantId tenantId, Optional<UserId> user) {
        ChatRequested job = job(letter.body());
        return job != null && job.tenantId().equals(tenantId) && user.map(job.userId()::equals).orElse(true);
    }

    private @Nullable ChatRequested job(String body) {
        try {
            return json.readValue(body, ChatRequested.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
