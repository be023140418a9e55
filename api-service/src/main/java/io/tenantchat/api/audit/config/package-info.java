/** The audit feature's settings and Spring wiring. */
@NullMarked
package io.tenantchat.api.audit.config;

import org.jspecify.annotations.NullMarked;
