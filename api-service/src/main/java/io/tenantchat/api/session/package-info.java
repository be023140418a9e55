/** Chat sessions (conversations) owned by one user of one tenant. */
@NullMarked
package io.tenantchat.api.session;

import org.jspecify.annotations.NullMarked;
