/** Dev/test-only Bedrock Agent Runtime stand-in answering InvokeAgent with the real event-stream framing and injectable faults. */
package io.tenantchat.localstack.bedrockagent;
