/**
 * What the model adapters (Bedrock, OpenAI-compatible, Bedrock Agents, AgentCore) share: one classification of
 * their failures, the wait for a call under its timeout, and the provider session id of a conversation.
 */
@NullMarked
package io.tenantchat.worker.reply.adapter.out.model;

import org.jspecify.annotations.NullMarked;
