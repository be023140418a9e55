/** The dead-letter purger on SQS: a tenant's or a user's letters deleted from the chat requests' DLQ. */
@NullMarked
package io.tenantchat.api.erasure.adapter.out.sqs;

import org.jspecify.annotations.NullMarked;
