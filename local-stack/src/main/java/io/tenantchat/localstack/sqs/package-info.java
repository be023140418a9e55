/** The SQS stand-in: an embedded, in-memory ElasticMQ bound to 127.0.0.1. */
package io.tenantchat.localstack.sqs;
