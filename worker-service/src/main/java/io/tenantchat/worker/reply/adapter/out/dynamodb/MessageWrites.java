package io.tenantchat.worker.reply.adapter.out.dynamodb;

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
 */
final class MessageWrites {

    private static final TableSchema<ReplyItem> REPLY_SCHEMA = TableSchema.fromBean(ReplyItem.class);
    private static final Map<String, String> STATUS_NAME = Map.of("#status", "status");

    private final String messagesTable;
    private final String sessionsTable;

    MessageWrites(String messagesTable, String sessionsTable) {
        this.messagesTable = messagesTable;
        this.sessionsTable = sessionsTable;
    }

    UpdateItemRequest startAttempt(MessageRef ref, Instant now) {
        return UpdateItemRequest.builder().tableName(messagesTable).key(Keys.userMessage(ref))
                .updateExpression("SET #status = :processing, updated_at = :now ADD attempts :one")
                .conditionExpression("#status IN (:queued, :processing)")
                .expressionAttributeNames(STATUS_NAME)
                .expressionAttributeValues(Map.of(":processing", status(MessageStatus.PROCESSING),
                        ":queued", status(MessageStatus.QUEUED), ":now", time(now), ":one", Keys.n(1)))
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    UpdateItemRequest markFailed(MessageRef ref, ReplyFailure failure, Instant now) {
        return UpdateItemRequest.builder().tableName(messagesTable).key(Keys.userMessage(ref))
                .updateExpression("SET #status = :failed, error_code = :code, error_message = :reason, "
                        + "updated_at = :now")
                .conditionExpression("#status = :processing")
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
        List<TransactWriteItem> items = new ArrayList<>(List.of(putReply(message, reply, now),
                completeMessage(message.ref(), now), countOnSession(message, now)));
        items.addAll(more);
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    /** {@link #markFailed} as the first item of a transaction, followed by {@code more} (quota releases). */
    TransactWriteItemsRequest failure(MessageRef ref, ReplyFailure failure, Instant now, List<TransactWriteItem> more) {
        UpdateItemRequest u = markFailed(ref, failure, now);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(u.tableName()).key(u.key())
                .updateExpression(u.updateExpression()).conditionExpression(u.conditionExpression())
                .expressionAttributeNames(u.expressionAttributeNames())
                .expressionAttributeValues(u.expressionAttributeValues()).build()).build());
        items.addAll(more);
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    private TransactWriteItem putReply(UserMessage message, ModelReply reply, Instant now) {
        Map<String, AttributeValue> item = REPLY_SCHEMA.itemToMap(ReplyItem.of(message, reply, now), true);
        return TransactWriteItem.builder().put(Put.builder().tableName(messagesTable).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem completeMessage(MessageRef ref, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(messagesTable).key(Keys.userMessage(ref))
                .updateExpression("SET #status = :completed, updated_at = :now")
                .conditionExpression("#status = :processing")
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
