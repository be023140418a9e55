/** The usage ledger in DynamoDB: raw rows, rollups and counted-event markers written in one transaction. */
package io.tenantchat.usage.metering.adapter.out.dynamodb;
