/** OpenAI-compatible use cases: which models a tenant may use, and a completion as a session of kind api. */
@NullMarked
package io.tenantchat.api.openai.application;

import org.jspecify.annotations.NullMarked;
