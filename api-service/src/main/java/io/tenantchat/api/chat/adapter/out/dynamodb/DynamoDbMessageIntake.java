package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.tenantchat.api.chat.application.BranchesMovedException;
import io.tenantchat.api.chat.application.ConversationRetention;
import io.tenantchat.api.chat.application.MessageIntake;
import io.tenantchat.api.chat.application.QuotaClaim;
import io.tenantchat.api.chat.application.QuotaRefusal;
import io.tenantchat.api.chat.application.QuotaRefusedException;
import io.tenantchat.api.chat.application.TurnPlacement;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.api.chat.config.IntakeProperties;
import io.tenantchat.api.chat.config.TableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.tenant.adapter.out.dynamodb.QuotaClaimWrites;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.shared.table.Retention;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A message's intake as ONE {@code TransactWriteItems}, in this order (cancellation reasons follow it): the message,
 * its lookup item, its session (counted, on condition it exists and is the caller's: the ownership check), its
 * idempotency key (when given), then the quota claim's writes ({@link QuotaClaimWrites}: rate, day, month, tokens,
 * in flight, hold). Nothing is read on the way in. A cancelled transaction is explained from its reasons, in
 * today's order of checks: unknown session (404), a limit (429), a used key (the original message, read then);
 * a conflict with a concurrent transaction on the same counters is tried again a few times with jitter, then 503.
 */
@Component
class DynamoDbMessageIntake implements MessageIntake {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final int SESSION_UPDATE = NewMessageItems.SESSION_UPDATE;
    private static final int IDEMPOTENCY_PUT = 3;
    private static final int REQUEUE_UPDATE = 0;
    static final int ATTEMPTS = 8;

    private final TenantDynamoDb dynamo;
    private final TableProperties tables;
    private final NewMessageItems newMessage;
    private final IdempotencyItems idempotency;
    private final QuotaClaimWrites quota;
    private final Clock clock;
    private final AtomicLong conflicts = new AtomicLong();

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final @Nullable GroupCommit<Intake> group;
    private final Timer writes;

    @Autowired
    DynamoDbMessageIntake(TenantDynamoDb dynamo, TableProperties tables, QuotaClaimWrites quota, Clock clock,
            IntakeProperties intake, ConversationRetention retention, MeterRegistry meters) {
        this(dynamo, tables, quota, clock, intake.maxBatch(), retention, meters);
    }

    DynamoDbMessageIntake(TenantDynamoDb dynamo, TableProperties tables, QuotaClaimWrites quota, Clock clock,
            int maxBatch) {
        this(dynamo, tables, quota, clock, maxBatch, ConversationRetention.FOREVER);
    }

    DynamoDbMessageIntake(TenantDynamoDb dynamo, TableProperties tables, QuotaClaimWrites quota, Clock clock,
            int maxBatch, ConversationRetention retention) {
        this(dynamo, tables, quota, clock, maxBatch, retention, Metrics.globalRegistry);
    }

    private DynamoDbMessageIntake(TenantDynamoDb dynamo, TableProperties tables, QuotaClaimWrites quota, Clock clock,
            int maxBatch, ConversationRetention retention, MeterRegistry meters) {
        this.writes = Timer.builder("tenantchat.chat.intake")
                .description("an accept's one write (TransactWriteItems), with its wait for the tenant's group commit")
                .publishPercentileHistogram().register(meters);
        this.group = maxBatch > 1 ? new GroupCommit<>(maxBatch, this::fits, this::writeBatch) : null;
        this.dynamo = dynamo;
        this.tables = tables;
        this.idempotency = new IdempotencyItems(tables.messages());
        this.newMessage = new NewMessageItems(tables.messages(), tables.sessions(), retention, clock);
        this.quota = quota;
        this.clock = clock;
    }

    /** One message's intake, as queued for a group commit. */
    private record Intake(ChatMessage message, @Nullable IdempotencyKey key, @Nullable Instant keyExpiresAt,
            QuotaClaim claim) {

        int items() {
            return key == null ? 5 : 6; // message, lookup, session, (key), hold
        }
    }

    @Override
    public Optional<MessageRef> accept(ChatMessage message, @Nullable IdempotencyKey key,
            @Nullable Instant keyExpiresAt, @Nullable QuotaClaim claim, TurnPlacement placement) {
        long started = System.nanoTime();
        try {
            return writeMessage(message, key, keyExpiresAt, claim, placement);
        } finally {
            writes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<MessageRef> writeMessage(ChatMessage message, @Nullable IdempotencyKey key,
            @Nullable Instant keyExpiresAt, @Nullable QuotaClaim claim, TurnPlacement placement) {
        if (group == null || claim == null || !(placement instanceof TurnPlacement.Linear)) {
            return acceptAlone(message, key, keyExpiresAt, claim, placement);
        }
        Object outcome = group.submit(message.tenantId(), new Intake(message, key, keyExpiresAt, claim));
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
        return (Optional<MessageRef>) outcome;
    }

    /** Whether {@code next} may be written in one transaction with {@code batch} (all of one tenant). */
    private boolean fits(List<Intake> batch, Intake next) {
        int items = 5 + next.items();
        for (Intake in : batch) {
            items += in.items();
            if (in.message().sessionId().equals(next.message().sessionId())
                    || in.claim().at().getEpochSecond() != next.claim().at().getEpochSecond()
                    || !in.claim().limits().equals(next.claim().limits())
                    || (next.key() != null && next.key().equals(in.key()))) {
                return false;
            }
        }
        return items <= 100;
    }

    /**
     * Writes a batch as ONE transaction: the shared counters once (raised by the batch's size), then each message's
     * items and hold. Any cancellation (a limit, a session, a key, a conflict) and the batch is written again
     * message by message, the exact single path, so every answer is what it would have been alone.
     */
    private void writeBatch(List<GroupCommit.Pending<Intake>> batch) {
        List<TransactWriteItem> shared = batch.size() == 1 ? List.of()
                : quota.sharedWrites(batch.stream().map(p -> p.request.claim()).toList());
        if (!shared.isEmpty()) {
            Intake first = batch.get(0).request;
            List<TransactWriteItem> items = new ArrayList<>(shared);
            for (GroupCommit.Pending<Intake> pending : batch) {
                Intake in = pending.request;
                items.addAll(in.key() == null ? newMessage.of(in.message(), TurnPlacement.LINEAR)
                        : newMessage.of(in.message(), TurnPlacement.LINEAR,
                                IdempotencyItems.key(in.message().tenantId(), in.message().userId(), in.key())));
                if (in.key() != null) {
                    items.add(idempotency.put(in.message(), in.key(), expiry(in.keyExpiresAt()), clock.instant()));
                }
                items.add(quota.holdWrite(in.claim()));
            }
            try {
                quota.ensureLiveItem(first.message().tenantId());
                write(first.message().tenantId(), first.message().messageId().value() + "#batch", 1, items);
                batches.incrementAndGet();
                batch.forEach(pending -> pending.done(Optional.empty()));
                return;
            } catch (DynamoDbException cancelledOrInvalid) {
                // written message by message below
            }
        }
        for (GroupCommit.Pending<Intake> pending : batch) {
            Intake in = pending.request;
            try {
                pending.done(acceptAlone(in.message(), in.key(), in.keyExpiresAt(), in.claim(), TurnPlacement.LINEAR));
            } catch (RuntimeException e) {
                pending.done(e);
            }
        }
    }

    /** An idempotency key always comes with its expiry (the use case sets both or neither). */
    private static Instant expiry(@Nullable Instant keyExpiresAt) {
        return Objects.requireNonNull(keyExpiresAt, "an idempotency key comes with its expiry");
    }

    private Optional<MessageRef> acceptAlone(ChatMessage message, @Nullable IdempotencyKey key,
            @Nullable Instant keyExpiresAt, @Nullable QuotaClaim claim, TurnPlacement placement) {
        TenantId tenant = message.tenantId();
        List<TransactWriteItem> items = new ArrayList<>();
        items.addAll(key == null ? newMessage.of(message, placement)
                : newMessage.of(message, placement, IdempotencyItems.key(tenant, message.userId(), key)));
        if (key != null) {
            items.add(idempotency.put(message, key, expiry(keyExpiresAt), clock.instant()));
        }
        int quotaAt = items.size();
        if (claim != null) {
            quota.ensureLiveItem(tenant);
            items.addAll(quota.writes(claim, false));
        }
        boolean pruned = false;
        for (int attempt = 1; ; attempt++) {
            try {
                write(tenant, message.messageId().value(), attempt, items);
                return Optional.empty();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, SESSION_UPDATE)) {
                    throw sessionRefused(message);
                }
                Optional<QuotaRefusal> refusal = claim == null ? Optional.empty()
                        : quota.refusal(claim, reasons, quotaAt);
                if (refusal.filter(r -> r == QuotaRefusal.CONCURRENT_SESSIONS).isPresent() && !pruned) {
                    pruned = quota.pruneIdleSessions(tenant);
                    if (pruned) {
                        continue;
                    }
                }
                if (refusal.isPresent()) {
                    throw new QuotaRefusedException(refusal.get());
                }
                if (key != null && failed(reasons, IDEMPOTENCY_PUT)) {
                    Optional<MessageRef> original = IdempotencyItems.toRef(dynamo.client(tenant).getItem(g -> g
                            .tableName(tables.messages()).key(IdempotencyItems.key(tenant, message.userId(), key))
                            .consistentRead(true)).item(), tenant, message.userId(), clock.instant());
                    if (original.isPresent()) {
                        return original;
                    }
                    // the key's item expired (or went) since: write again
                }
                if (failed(reasons, 0) || failed(reasons, 1) || (claim != null && quota.holdRefused(reasons, quotaAt))) {
                    throw new IllegalStateException("message id " + message.messageId().value() + " written twice");
                }
                retryOrGiveUp(attempt);
            }
        }
    }

    /**
     * Why the session refused a turn, read only then: it is not the caller's or it expired (404), or its branches
     * moved since the turn was placed ({@link BranchesMovedException}: placed again by the caller).
     */
    private RuntimeException sessionRefused(ChatMessage message) {
        Map<String, AttributeValue> session = dynamo.client(message.tenantId()).getItem(g -> g
                .tableName(tables.sessions()).consistentRead(true)
                .key(Map.of("session_key", s(ChatSession.keyOf(message.tenantId(), message.userId(),
                        message.sessionId()))))
                .projectionExpression("tenant_id, user_id, " + Retention.EXPIRES_AT)).item();
        boolean owned = session != null && session.containsKey("tenant_id")
                && message.tenantId().value().equals(session.get("tenant_id").s())
                && session.containsKey("user_id") && message.userId().value().equals(session.get("user_id").s())
                && Retention.live(session.containsKey(Retention.EXPIRES_AT)
                        ? Long.valueOf(session.get(Retention.EXPIRES_AT).n()) : null, clock.instant());
        return owned ? new BranchesMovedException() : new NotFoundException("session_not_found", "no such session");
    }

    @Override
    public boolean requeue(MessageRef ref, @Nullable QuotaClaim claim, Instant at) {
        TenantId tenant = ref.tenantId();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(tables.messages())
                .key(Map.of(MessagesTable.PK, s(MessagesTable.conversation(tenant, ref.sessionId())),
                        MessagesTable.SK, s(MessagesTable.userMessage(ref.messageId()))))
                .updateExpression("SET #status = :queued, requeued_attempts = if_not_exists(attempts, :zero), "
                        + "updated_at = :at REMOVE error_code, error_message")
                .conditionExpression("#status = :failed AND tenant_id = :tenant")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":failed", s("failed"), ":queued", s("queued"),
                        ":zero", AttributeValue.fromN("0"), ":tenant", s(tenant.value()), ":at", s(at.toString())))
                .build()).build());
        int quotaAt = items.size();
        if (claim != null) {
            quota.ensureLiveItem(tenant);
            items.addAll(quota.writes(claim, true));
        }
        String token = ref.messageId().value() + "#requeue-" + at.toEpochMilli();
        boolean pruned = false;
        for (int attempt = 1; ; attempt++) {
            try {
                write(tenant, token, attempt, items);
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                Optional<QuotaRefusal> refusal = claim == null ? Optional.empty()
                        : quota.refusal(claim, reasons, quotaAt);
                if (refusal.filter(r -> r == QuotaRefusal.CONCURRENT_SESSIONS).isPresent() && !pruned) {
                    pruned = quota.pruneIdleSessions(tenant);
                    if (pruned) {
                        continue;
                    }
                }
                if (refusal.isPresent()) {
                    throw new QuotaRefusedException(refusal.get());
                }
                if (claim != null && quota.holdRefused(reasons, quotaAt)) {
                    throw new ConflictException("message_not_failed", "only a failed message can be retried");
                }
                if (failed(reasons, REQUEUE_UPDATE)) {
                    return false;
                }
                retryOrGiveUp(attempt);
            }
        }
    }

    /**
     * One attempt; its client request token makes the SDK's own retries of it idempotent, and differs per attempt
     * so an attempt after a cancellation is a new transaction.
     */
    private void write(TenantId tenant, String id, int attempt, List<TransactWriteItem> items) {
        String token = attempt == 1 && id.length() <= 36 ? id
                : UUID.nameUUIDFromBytes((id + "#" + attempt).getBytes(StandardCharsets.UTF_8)).toString();
        transactions.incrementAndGet();
        dynamo.client(tenant).transactWriteItems(t -> t.clientRequestToken(token).transactItems(items));
    }

    /** Transactions this instance sent (attempts, batches and single messages). */
    long transactions() {
        return transactions.get();
    }

    /** Batches of several messages this instance wrote as one transaction. */
    long batches() {
        return batches.get();
    }

    /** Transactions this instance wrote again after a conflict with a concurrent one (or another transient cancel). */
    long conflicts() {
        return conflicts.get();
    }

    private void retryOrGiveUp(int attempt) {
        conflicts.incrementAndGet();
        if (attempt >= ATTEMPTS) {
            throw new UnavailableException("quota_busy", "too many concurrent requests; please retry");
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("quota_busy", "interrupted; please retry");
        }
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
