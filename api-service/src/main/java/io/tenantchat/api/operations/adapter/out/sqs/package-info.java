/** The queue console on SQS: attributes, receive/send/delete, and reading dead-letter bodies. */
@NullMarked
package io.tenantchat.api.operations.adapter.out.sqs;

import org.jspecify.annotations.NullMarked;
