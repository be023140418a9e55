/** Bedrock outbound adapter: the chat model behind ConverseStream, with its errors classified for the domain. */
@NullMarked
package io.tenantchat.worker.reply.adapter.out.bedrock;

import org.jspecify.annotations.NullMarked;
