/** Session use cases and the ports they need. */
@NullMarked
package io.tenantchat.api.session.application;

import org.jspecify.annotations.NullMarked;
