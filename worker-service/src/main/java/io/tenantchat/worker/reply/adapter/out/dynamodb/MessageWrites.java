package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.table.Retention;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The conditional writes of the worker, as low-level requests: the enhanced client cannot express
 * {@code ADD} counters or conditions on other attributes. {@code status} is a reserved word, hence {@code #status}.
 * A message whose author asked to stop it carries {@value #CANCEL_REQUESTED} (written by api-service): it is never
 * claimed, completed or failed, only cancelled.
 */
final class MessageWrites {

    private static final TableSchema<ReplyItem> REPLY_SCHEMA = TableSchema.fromBean(ReplyItem.class);
    private static final Map<String, String> STATUS_NAME = Map.of("#status", "status");
    static final String CANCEL_REQUESTED = "cancel_requested_at";
    private static final String NOT_CANCELLED = " AND attribute_not_exists(" + CANCEL_REQUESTED + ")";

    private final String messagesTable;
    private final String sessionsTable;

    MessageWrites(String messagesTable, String sessionsTable) {
        this.messagesTable = messagesTable;
        this.sessionsTable = sessionsTable;
    }

    /** Claims a queued (or processing) message not stopped by its author and not expired ({@link Retention}). */
    UpdateItemRequest startAttempt(MessageRef ref, Instant now) {
        return UpdateItemRequest.builder().tableName(messagesTable).key(Keys.userMessage(ref))
                .updateExpression("SET #status = :processing, updated_at = :now ADD attempts :one")
                .conditionExpression("#status IN (:queued, :processing)" + NOT_CANCELLED + " AND "
                        + Retention.LIVE_CONDITION)
                .expressionAttributeNames(STATUS_NAME)
                .expressionAttributeValues(Map.of(":processing", status(MessageStatus.PROCESSING),
                        ":queued", status(MessageStatus.QUEUED), ":now", time(now), ":one", Keys.n(1),
                        Retention.NOW_EPOCH, Keys.n(now.getEpochSecond())))
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    UpdateItemRequest markFailed(MessageRef ref, ReplyFailure failure, Instant now) {
        return UpdateItemRequest.builder().tableName(messagesTable).key(Keys.userMessage(ref))
                .updateExpression("SET #status = :failed, error_code = :code, error_message = :reason, "
                        + "updated_at = :now")
                .conditionExpression("#status = :processing" + NOT_CANCELLED)
                .expressionAttributeNames(STATUS_NAME)
                .expressionAttributeValues(Map.of(":failed", status(MessageStatus.FAILED),
                        ":processing", status(MessageStatus.PROCESSING), ":code", Keys.s(failure.code().wireValue()),
                        ":reason", Keys.s(failure.reason()), ":now", time(now)))
                .build();
    }

    /** Reply put, user message completion and session counter, in this order (cancellation reasons follow it). */
    TransactWriteItemsRequest completion(UserMessage message, ModelReply reply, Instant now) {
        return completion(message, reply, now, List.of());
    }

    /** As {@link #completion(UserMessage, ModelReply, Instant)}, followed by {@code more} (quota releases). */
    TransactWriteItemsRequest completion(UserMessage message, ModelReply reply, Instant now,
            List<TransactWriteItem> more) {
        List<TransactWriteItem> items = new ArrayList<>(List.of(putReply(message, reply, now, MessageStatus.COMPLETED),
                completeMessage(message.ref(), now), countOnSession(message, now)));
        items.addAll(more);
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    /**
     * As {@link #completion}, for a reply its author stopped: the reply is stored {@code cancelled} and the message
     * goes from processing (with the stop request on it) to cancelled. Same order of items.
     */
    TransactWriteItemsRequest cancelledCompletion(UserMessage message, ModelReply partial, Instant now,
            List<TransactWriteItem> more) {
        List<TransactWriteItem> items = new ArrayList<>(List.of(putReply(message, partial, now,
                MessageStatus.CANCELLED), update(cancelMessage(message.ref(), now, true)), countOnSession(message, now)));
        items.addAll(more);
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    /**
     * A message stopped with nothing generated: queued or processing with the stop request on it, to cancelled.
     * Alone, or as the first item of a transaction followed by {@code more} (quota releases).
     */
    UpdateItemRequest cancel(MessageRef ref, Instant now) {
        return cancelMessage(ref, now, false);
    }

    TransactWriteItemsRequest cancellation(MessageRef ref, Instant now, List<TransactWriteItem> more) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(update(cancel(ref, now)));
        items.addAll(more);
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    private UpdateItemRequest cancelMessage(MessageRef ref, Instant now, boolean processingOnly) {
        String from = processingOnly ? "#status = :processing" : "#status IN (:queued, :processing)";
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":cancelled", status(MessageStatus.CANCELLED), ":processing", status(MessageStatus.PROCESSING),
                ":now", time(now)));
        if (!processingOnly) {
            values.put(":queued", status(MessageStatus.QUEUED));
        }
        return UpdateItemRequest.builder().tableName(messagesTable).key(Keys.userMessage(ref))
                .updateExpression("SET #status = :cancelled, updated_at = :now")
                .conditionExpression(from + " AND attribute_exists(" + CANCEL_REQUESTED + ")")
                .expressionAttributeNames(STATUS_NAME)
                .expressionAttributeValues(values)
                .build();
    }

    private static TransactWriteItem update(UpdateItemRequest u) {
        return TransactWriteItem.builder().update(Update.builder().tableName(u.tableName()).key(u.key())
                .updateExpression(u.updateExpression()).conditionExpression(u.conditionExpression())
                .expressionAttributeNames(u.expressionAttributeNames())
                .expressionAttributeValues(u.expressionAttributeValues()).build()).build();
    }

    /** {@link #markFailed} as the first item of a transaction, followed by {@code more} (quota releases). */
    TransactWriteItemsRequest failure(MessageRef ref, ReplyFailure failure, Instant now, List<TransactWriteItem> more) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(update(markFailed(ref, failure, now)));
        items.addAll(more);
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    private TransactWriteItem putReply(UserMessage message, ModelReply reply, Instant now, MessageStatus status) {
        Map<String, AttributeValue> item = REPLY_SCHEMA.itemToMap(ReplyItem.of(message, reply, now, status), true);
        return TransactWriteItem.builder().put(Put.builder().tableName(messagesTable).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem completeMessage(MessageRef ref, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(messagesTable).key(Keys.userMessage(ref))
                .updateExpression("SET #status = :completed, updated_at = :now")
                .conditionExpression("#status = :processing" + NOT_CANCELLED)
                .expressionAttributeNames(STATUS_NAME)
                .expressionAttributeValues(Map.of(":completed", status(MessageStatus.COMPLETED),
                        ":processing", status(MessageStatus.PROCESSING), ":now", time(now)))
                .build()).build();
    }

    private TransactWriteItem countOnSession(UserMessage message, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(sessionsTable)
                .key(Keys.session(message.ref(), message.userId()))
                .updateExpression("SET last_activity = :now ADD message_count :one")
                .conditionExpression("attribute_exists(session_key)")
                .expressionAttributeValues(Map.of(":now", time(now), ":one", Keys.n(1)))
                .build()).build();
    }

    private static AttributeValue status(MessageStatus status) {
        return Keys.s(status.wireValue());
    }

    private static AttributeValue time(Instant instant) {
        return Keys.s(Timestamps.format(instant));
    }
}
