package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.worker.config.TablesProperties;
import io.tenantchat.worker.reply.application.ConversationStore;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.StoredMessage;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link ConversationStore} on DynamoDB; every read is strongly consistent, every write conditional. */
@Component
class DynamoDbConversationStore implements ConversationStore {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbConversationStore.class);
    private static final TableSchema<MessageItem> MESSAGE_SCHEMA = TableSchema.fromBean(MessageItem.class);

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<MessageItem> messages;
    private final MessageWrites writes;

    DynamoDbConversationStore(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhancedClient, TablesProperties tables) {
        this.dynamoDb = dynamoDb;
        this.messages = enhancedClient.table(tables.messages(), MESSAGE_SCHEMA);
        this.writes = new MessageWrites(tables.messages(), tables.sessions());
    }

    @Override
    public Optional<UserMessage> findUserMessage(MessageRef ref) {
        Key key = Key.builder().partitionValue(Keys.partition(ref)).sortValue(Keys.userMessageSort(ref)).build();
        MessageItem item = messages.getItem(request -> request.key(key).consistentRead(true));
        return Optional.ofNullable(item).map(MessageItem::toUserMessage);
    }

    @Override
    public Optional<UserMessage> startAttempt(MessageRef ref, Instant now) {
        try {
            var updated = dynamoDb.updateItem(writes.startAttempt(ref, now)).attributes();
            return Optional.of(MESSAGE_SCHEMA.mapToItem(updated).toUserMessage());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<StoredMessage> historyBefore(MessageRef ref) {
        Key upTo = Key.builder().partitionValue(Keys.partition(ref)).sortValue(Keys.userMessageSort(ref)).build();
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(upTo))
                .consistentRead(true)
                .build();
        return messages.query(query).items().stream().map(MessageItem::toStoredMessage).toList();
    }

    @Override
    public boolean completeWithReply(UserMessage message, ModelReply reply, Instant now) {
        try {
            dynamoDb.transactWriteItems(writes.completion(message, reply, now));
            return true;
        } catch (TransactionCanceledException e) {
            if (CompletionConflict.alreadyAnswered(e)) {
                log.info("Reply to message {} was already stored: duplicate job", message.ref().messageId());
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean markFailed(MessageRef ref, ReplyFailure failure, Instant now) {
        try {
            dynamoDb.updateItem(writes.markFailed(ref, failure, now));
            return true;
        } catch (ConditionalCheckFailedException e) {
            log.info("Message {} is no longer processing; left as it is", ref.messageId());
            return false;
        }
    }
}
