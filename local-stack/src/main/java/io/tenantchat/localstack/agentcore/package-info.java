/** Dev/test-only Bedrock AgentCore Runtime stand-in answering InvokeAgentRuntime with an agent's SSE or JSON-lines stream. */
package io.tenantchat.localstack.agentcore;
