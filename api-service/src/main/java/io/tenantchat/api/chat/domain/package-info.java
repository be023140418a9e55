/** Chat message domain types, free of frameworks. */
package io.tenantchat.api.chat.domain;
