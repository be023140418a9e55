/** The queue console on SQS: attributes, receive/send/delete, and reading dead-letter bodies. */
package io.tenantchat.api.operations.adapter.out.sqs;
