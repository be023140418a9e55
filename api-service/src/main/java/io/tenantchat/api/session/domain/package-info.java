/** Session domain types, free of frameworks. */
@NullMarked
package io.tenantchat.api.session.domain;

import org.jspecify.annotations.NullMarked;
