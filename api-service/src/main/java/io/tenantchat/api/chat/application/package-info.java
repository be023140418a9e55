/** Chat use cases and the ports they need (message store, job queue). */
@NullMarked
package io.tenantchat.api.chat.application;

import org.jspecify.annotations.NullMarked;
