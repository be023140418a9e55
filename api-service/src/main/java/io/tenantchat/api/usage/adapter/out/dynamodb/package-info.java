/** Reads usage rollups from DynamoDB, summing a tenant's shards. */
package io.tenantchat.api.usage.adapter.out.dynamodb;
