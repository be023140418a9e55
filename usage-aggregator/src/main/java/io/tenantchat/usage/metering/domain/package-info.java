/** Rollup increments derived from one ModelInvoked event; no framework types. */
@NullMarked
package io.tenantchat.usage.metering.domain;

import org.jspecify.annotations.NullMarked;
