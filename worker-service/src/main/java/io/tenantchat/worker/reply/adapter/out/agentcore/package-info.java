/** AgentCore Runtime outbound adapter: InvokeAgentRuntime with a tenant-derived session, the agent's SSE or JSON-lines stream parsed into deltas. */
@NullMarked
package io.tenantchat.worker.reply.adapter.out.agentcore;

import org.jspecify.annotations.NullMarked;
