/** Erasure's domain: who is erased, the pseudonym that replaces a user id in usage records. */
@NullMarked
package io.tenantchat.api.erasure.domain;

import org.jspecify.annotations.NullMarked;
