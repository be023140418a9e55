/** Dev/test-only EventBridge stand-in: accepts PutEvents and delivers matching entries, in the real envelope, to SQS. */
package io.tenantchat.localstack.eventbridge;
