package io.tenantchat.api.erasure.adapter.out.usage;

import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.erasure.domain.Pseudonyms;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The tenant's per-user rollup items ({@code sk = <bucket>#user#<user id>}), found by a Query of every shard of every
 * granularity's partition, each moved to its pseudonym's item in the same partition by one
 * {@code TransactWriteItems} ({@link RollupMove}): the item is deleted on condition its counters are as read, and
 * they are added to the pseudonym's item. A concurrent increment fails the condition; the item is read again and
 * moved with what it holds then, so totals stay exact.
 */
final class RollupMoves {

    static final int ATTEMPTS = 5;
    private static final Set<String> RETRYABLE = Set.of("ConditionalCheckFailed", "TransactionConflict");

    private final TenantDynamoDb dynamo;
    private final String table;
    private final int shards;
    private final Pseudonyms pseudonyms;

    RollupMoves(TenantDynamoDb dynamo, String table, int shards, Pseudonyms pseudonyms) {
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
        this.pseudonyms = pseudonyms;
    }

    /** @return the items moved to a pseudonym's item */
    long pseudonymize(TenantId tenantId, Optional<UserId> user) {
        DynamoDbClient client = dynamo.client(tenantId);
        long moved = 0;
        for (Granularity granularity : Granularity.values()) {
            for (int shard = 0; shard < shards; shard++) {
                moved += pseudonymize(client, tenantId, granularity, shard, user);
            }
        }
        return moved;
    }

    private long pseudonymize(DynamoDbClient client, TenantId tenantId, Granularity granularity, int shard,
            Optional<UserId> user) {
        String partition = UsageRollupKeys.partition(tenantId, granularity, shard);
        long moved = 0;
        for (Map<String, AttributeValue> item : userItems(client, partition, user)) {
            RollupMove move = RollupMove.of(tenantId, granularity, partition, item);
            if (move != null && !Pseudonyms.isPseudonym(move.userId().value())
                    && move(client, move, pseudonyms.of(tenantId, move.userId()))) {
                moved++;
            }
        }
        return moved;
    }

    /** The partition's per-user items: of {@code user}, or of every user. */
    private SdkIterable<Map<String, AttributeValue>> userItems(DynamoDbClient client, String partition,
            Optional<UserId> user) {
        String dimension = UsageRollupKeys.user(user.map(UserId::value).orElse(""));
        return client.queryPaginator(q -> q.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .filterExpression(user.isPresent() ? "#dimension = :dimension" : "begins_with(#dimension, :dimension)")
                .expressionAttributeNames(Map.of("#dimension", "dimension"))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                        ":dimension", AttributeValue.fromS(dimension))))
                .items();
    }

    /** @return whether this call moved it (false: it was gone when read again) */
    private boolean move(DynamoDbClient client, RollupMove first, UserId pseudonym) {
        RollupMove move = first;
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = move.writes(table, pseudonym);
            try {
                client.transactWriteItems(t -> t.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                if (attempt >= ATTEMPTS || !e.cancellationReasons().stream().map(CancellationReason::code)
                        .anyMatch(RETRYABLE::contains)) {
                    throw e;
                }
            }
            RollupMove current = read(client, move);
            if (current == null) {
                return false;
            }
            move = current;
        }
    }

    private @Nullable RollupMove read(DynamoDbClient client, RollupMove move) {
        Map<String, AttributeValue> item = client.getItem(g -> g.tableName(table).consistentRead(true)
                .key(move.key())).item();
        return item == null || item.isEmpty() ? null
                : RollupMove.of(move.tenantId(), move.granularity(), move.partition(), item);
    }
}
