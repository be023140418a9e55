/** Idempotent provisioning of the local stand-ins: DynamoDB tables, SQS queues, the Cognito user pool and test users. */
package io.tenantchat.localstack.provision;
