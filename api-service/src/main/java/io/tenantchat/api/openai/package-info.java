/** The OpenAI-compatible API (/v1): chat completions over the chat pipeline and the models a tenant may use. */
@NullMarked
package io.tenantchat.api.openai;

import org.jspecify.annotations.NullMarked;
