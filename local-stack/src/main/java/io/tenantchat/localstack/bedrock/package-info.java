/** Dev/test-only Bedrock Runtime stand-in answering Converse and ConverseStream over h2c and HTTP/1.1, with injectable faults. */
package io.tenantchat.localstack.bedrock;
