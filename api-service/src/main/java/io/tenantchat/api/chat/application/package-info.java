/** Chat use cases and the ports they need (message store, job queue). */
package io.tenantchat.api.chat.application;
