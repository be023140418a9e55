/** Bedrock Agent outbound adapter: InvokeAgent with a tenant-derived session, streamed chunks and errors classified for the domain. */
@NullMarked
package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import org.jspecify.annotations.NullMarked;
