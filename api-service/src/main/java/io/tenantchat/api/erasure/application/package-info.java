/** Erasure use cases and the ports their adapters implement. */
@NullMarked
package io.tenantchat.api.erasure.application;

import org.jspecify.annotations.NullMarked;
