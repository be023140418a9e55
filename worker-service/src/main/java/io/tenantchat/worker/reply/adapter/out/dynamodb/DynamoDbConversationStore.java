package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.worker.reply.config.QuotaProperties;
import io.tenantchat.worker.reply.config.TablesProperties;
import io.tenantchat.shared.JobHold;
import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.shared.table.Retention;
import io.tenantchat.worker.reply.application.Claim;
import io.tenantchat.worker.reply.application.ConversationStore;
import io.tenantchat.worker.reply.domain.HistoryBudget;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.StoredMessage;
import io.tenantchat.worker.reply.domain.TurnPath;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@link ConversationStore} on DynamoDB; every read is strongly consistent, every write conditional. */
@Component
class DynamoDbConversationStore implements ConversationStore {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbConversationStore.class);
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final int RELEASE_ATTEMPTS = 5;
    private static final TableSchema<MessageItem> MESSAGE_SCHEMA = TableSchema.fromBean(MessageItem.class);

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<MessageItem> messages;
    private final MessageWrites writes;
    private final QuotaRelease quota;
    private final String messagesTable;
    /** What "expired" is measured against (the claim is given its time by the caller). */
    private final Clock clock = Clock.systemUTC();

    DynamoDbConversationStore(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhancedClient, TablesProperties tables) {
        this(dynamoDb, enhancedClient, tables, new QuotaProperties("tenants"));
    }

    @Autowired
    DynamoDbConversationStore(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhancedClient, TablesProperties tables,
            QuotaProperties quotas) {
        this.dynamoDb = dynamoDb;
        this.messages = enhancedClient.table(tables.messages(), MESSAGE_SCHEMA);
        this.writes = new MessageWrites(tables.messages(), tables.sessions());
        this.messagesTable = tables.messages();
        this.quota = new QuotaRelease(dynamoDb, quotas.tenantsTable());
    }

    @Override
    public Optional<UserMessage> findUserMessage(MessageRef ref) {
        Key key = Key.builder().partitionValue(MessagesTable.conversation(ref.tenantId(), ref.sessionId()))
                .sortValue(MessagesTable.userMessage(ref.messageId())).build();
        MessageItem item = messages.getItem(request -> request.key(key).consistentRead(true));
        return Optional.ofNullable(item).map(MessageItem::toUserMessage);
    }

    /**
     * One UpdateItem: the claimed message (all its attributes), or on refusal the message as it was, if any; an
     * expired message ({@link Retention}) is as good as gone, whatever its status (DynamoDB deletes it later).
     */
    @Override
    public Claim claim(MessageRef ref, Instant now) {
        try {
            var updated = dynamoDb.updateItem(writes.startAttempt(ref, now)).attributes();
            return Claim.started(MESSAGE_SCHEMA.mapToItem(updated).toUserMessage());
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                return Claim.missing();
            }
            MessageItem found = MESSAGE_SCHEMA.mapToItem(e.item());
            if (!Retention.live(found.getExpiresAt(), now)) {
                return Claim.missing();
            }
            MessageStatus status = found.toUserMessage().status();
            return !status.isFinal() && e.item().containsKey(MessageWrites.CANCEL_REQUESTED)
                    ? Claim.cancelRequested(status) : Claim.refused(status);
        }
    }

    /**
     * Newest first, {@link #historyPage} items per Query, from the current message itself (it names its parent) back
     * along the path of its turn ({@link TurnPath}: siblings and other branches are skipped), and only as many pages
     * as {@code budget} needs (turns on the path plus room for an unanswered message, or characters) or until the
     * path reaches the start; returned oldest first. A reply whose user message fell outside the read is left out by
     * the conversation, like a user message without a reply. Expired turns ({@link Retention}) are left out.
     */
    @Override
    public List<StoredMessage> historyBefore(MessageRef ref, HistoryBudget budget) {
        Key upTo = Key.builder().partitionValue(MessagesTable.conversation(ref.tenantId(), ref.sessionId()))
                .sortValue(MessagesTable.userMessage(ref.messageId())).build();
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThanOrEqualTo(upTo))
                .scanIndexForward(false)
                .limit(historyPage(budget))
                .consistentRead(true)
                .build();
        TurnPath path = new TurnPath(ref.messageId());
        Instant now = clock.instant();
        for (Page<MessageItem> page : messages.query(query)) {
            for (MessageItem item : page.items()) {
                if (Retention.live(item.getExpiresAt(), now)) {
                    path.offer(item.toStoredMessage(), item.getParentMessageId());
                }
            }
            if (path.ended() || path.size() >= budget.maxTurns() + 2 || path.chars() >= budget.maxChars()) {
                break;
            }
        }
        return path.inOrder();
    }

    static int historyPage(HistoryBudget budget) {
        return Math.min(budget.maxTurns() + 3, 100);
    }

    /**
     * Completes the message and gives back its in-flight slot in the same transaction: one TransactWriteItems when
     * the job carries its hold (the release stays conditional on the hold item, so a stale copy gives nothing back
     * twice: the transaction is cancelled and the hold is read). The session's idle entry in the live map is left
     * to api-service, which prunes idle sessions when the sessions limit refuses. When the message ended elsewhere or
     * its session is gone, the slot is given back on its own (at most once, guarded by the hold).
     */
    @Override
    public boolean completeWithReply(UserMessage message, ModelReply reply, Instant now, @Nullable JobHold carried) {
        return storeReplyReleasingSlot(message, carried, "Reply",
                release -> writes.completion(message, reply, now, release));
    }

    /**
     * Stores the stopped reply as {@link #completeWithReply} stores a completed one (one transaction with the
     * release of the in-flight slot; the reservation is settled by usage-aggregator against the metered usage).
     */
    @Override
    public boolean completeCancelled(UserMessage message, ModelReply partial, Instant now, @Nullable JobHold carried) {
        return storeReplyReleasingSlot(message, carried, "Stopped reply",
                release -> writes.cancelledCompletion(message, partial, now, release));
    }

    /**
     * Writes {@code transaction} (the reply and the message's end) together with the release of the message's
     * in-flight slot, from the hold the job carries, then from the hold item when that copy was stale. False when
     * the message ended elsewhere or its session is gone: nothing is stored and the slot is given back on its own.
     */
    private boolean storeReplyReleasingSlot(UserMessage message, @Nullable JobHold carried, String what,
            Function<List<TransactWriteItem>, TransactWriteItemsRequest> transaction) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> hold = attempt == 1 && carried != null
                    ? QuotaRelease.asItem(message.ref(), carried) : quota.hold(message.ref());
            List<TransactWriteItem> release = quota.writes(message.ref(), hold, false);
            try {
                dynamoDb.transactWriteItems(transaction.apply(release));
                return true;
            } catch (TransactionCanceledException e) {
                if (CompletionConflict.alreadyAnswered(e) || CompletionConflict.sessionGone(e)) {
                    log.info("{} to message {} not stored: it ended already, or its message or session is gone", what,
                            message.ref().messageId());
                    release(message.ref(), false, null);
                    return false;
                }
                if (release.isEmpty() || attempt >= RELEASE_ATTEMPTS) {
                    throw e;
                }
                // the hold changed meanwhile (api-service withdrew it): read it again
            }
        }
    }

    /** Cancels the message and gives back its in-flight slot and token reservation in the same transaction. */
    @Override
    public boolean cancel(MessageRef ref, Instant now, @Nullable JobHold carried) {
        return endReleasingHold(ref, carried, () -> writes.cancel(ref, now),
                release -> writes.cancellation(ref, now, release));
    }

    @Override
    public boolean isCancelRequested(MessageRef ref) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(messagesTable)
                .key(Keys.userMessage(ref)).consistentRead(true)
                .projectionExpression(MessageWrites.CANCEL_REQUESTED)).item();
        return item != null && item.containsKey(MessageWrites.CANCEL_REQUESTED);
    }

    /** Fails the message and gives back its in-flight slot and token reservation in the same transaction. */
    @Override
    public boolean markFailed(MessageRef ref, ReplyFailure failure, Instant now, @Nullable JobHold carried) {
        return endReleasingHold(ref, carried, () -> writes.markFailed(ref, failure, now),
                release -> writes.failure(ref, failure, now, release));
    }

    /**
     * Ends a message that is still {@code processing} (failed or cancelled) and gives back its in-flight slot and
     * token reservation in the same transaction: from the hold the job carries, then from the hold item when that
     * copy was stale (usage-aggregator settled the reservation, api-service withdrew it). Without anything to give
     * back, {@code alone} ends it. False when the message is no longer processing.
     */
    private boolean endReleasingHold(MessageRef ref, @Nullable JobHold carried, Supplier<UpdateItemRequest> alone,
            Function<List<TransactWriteItem>, TransactWriteItemsRequest> withRelease) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> hold = attempt == 1 && carried != null
                    ? QuotaRelease.asItem(ref, carried) : quota.hold(ref);
            List<TransactWriteItem> release = quota.writes(ref, hold, true);
            try {
                if (release.isEmpty()) {
                    dynamoDb.updateItem(alone.get());
                } else {
                    dynamoDb.transactWriteItems(withRelease.apply(release));
                    quota.forgetIdleSession(ref, hold);
                }
                return true;
            } catch (ConditionalCheckFailedException e) {
                return noLongerProcessing(ref);
            } catch (TransactionCanceledException e) {
                if (CONDITION_FAILED.equals(e.cancellationReasons().get(0).code())) {
                    return noLongerProcessing(ref);
                }
                if (attempt >= RELEASE_ATTEMPTS) {
                    throw e;
                }
                // the hold changed meanwhile: read it again
            }
        }
    }

    @Override
    public void releaseQuota(MessageRef ref, @Nullable JobHold carried) {
        release(ref, true, carried);
    }

    /** Gives back the hold's in-flight slot (and with {@code tokensToo} its reservation) if it still holds them. */
    private void release(MessageRef ref, boolean tokensToo, @Nullable JobHold carried) {
        for (int attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> hold = attempt == 1 && carried != null
                    ? QuotaRelease.asItem(ref, carried) : quota.hold(ref);
            List<TransactWriteItem> release = quota.writes(ref, hold, tokensToo);
            if (release.isEmpty()) {
                return;
            }
            try {
                dynamoDb.transactWriteItems(t -> t.transactItems(release));
                quota.forgetIdleSession(ref, hold);
                return;
            } catch (TransactionCanceledException e) {
                log.debug("Hold of message {} changed meanwhile: read again", ref.messageId());
            }
        }
        log.warn("Hold of message {} not given back after {} attempts; the reconciler will", ref.messageId(),
                RELEASE_ATTEMPTS);
    }

    private static boolean noLongerProcessing(MessageRef ref) {
        log.info("Message {} is no longer processing; left as it is", ref.messageId());
        return false;
    }
}
