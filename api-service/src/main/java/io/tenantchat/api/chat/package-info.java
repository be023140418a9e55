/** Chat messages: accepting a user message, queueing its job, and reading status and conversations. */
package io.tenantchat.api.chat;
