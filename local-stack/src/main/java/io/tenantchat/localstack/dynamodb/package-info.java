/** The DynamoDB stand-in: dynoxide run as a child process on 127.0.0.1, in memory or on a SQLite file. */
package io.tenantchat.localstack.dynamodb;
