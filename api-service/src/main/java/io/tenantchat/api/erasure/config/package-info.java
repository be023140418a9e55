/** Erasure's settings and the wiring of its use cases, runner and sweeper. */
@NullMarked
package io.tenantchat.api.erasure.config;

import org.jspecify.annotations.NullMarked;
