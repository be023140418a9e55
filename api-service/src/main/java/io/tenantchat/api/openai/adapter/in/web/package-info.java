/** The /v1 endpoints and their OpenAI wire shapes: completions, chunks, model lists and errors. */
@NullMarked
package io.tenantchat.api.openai.adapter.in.web;

import org.jspecify.annotations.NullMarked;
