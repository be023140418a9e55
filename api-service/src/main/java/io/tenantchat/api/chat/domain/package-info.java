/** Chat message domain types, free of frameworks. */
@NullMarked
package io.tenantchat.api.chat.domain;

import org.jspecify.annotations.NullMarked;
