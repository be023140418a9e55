/** Reads usage rollups from DynamoDB, summing a tenant's shards. */
@NullMarked
package io.tenantchat.api.usage.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
