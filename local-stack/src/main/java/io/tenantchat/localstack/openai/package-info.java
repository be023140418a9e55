/** Dev/test-only OpenAI-compatible chat completions stand-in (streaming SSE with a usage chunk), with injectable faults. */
package io.tenantchat.localstack.openai;
