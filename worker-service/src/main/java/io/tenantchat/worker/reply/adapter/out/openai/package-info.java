/** OpenAI-compatible outbound adapter (Ollama, llama.cpp llama-server, vLLM): streamed chat completions over the JDK HTTP client. */
@NullMarked
package io.tenantchat.worker.reply.adapter.out.openai;

import org.jspecify.annotations.NullMarked;
