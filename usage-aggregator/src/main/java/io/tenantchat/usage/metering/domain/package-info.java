/** Rollup increments derived from one ModelInvoked event; no framework types. */
package io.tenantchat.usage.metering.domain;
