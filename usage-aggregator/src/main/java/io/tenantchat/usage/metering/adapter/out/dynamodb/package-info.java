/** The usage ledger in DynamoDB: raw rows, rollups and counted-event markers written in one transaction. */
@NullMarked
package io.tenantchat.usage.metering.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
