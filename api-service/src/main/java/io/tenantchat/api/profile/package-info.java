/** A tenant's assistant profile: system prompt, model, output limits, guardrail and history budget. */
@NullMarked
package io.tenantchat.api.profile;

import org.jspecify.annotations.NullMarked;
