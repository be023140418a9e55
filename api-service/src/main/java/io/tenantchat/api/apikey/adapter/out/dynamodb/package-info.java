/** API keys in their own DynamoDB table, keyed by key id, listed per tenant through an index. */
@NullMarked
package io.tenantchat.api.apikey.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
