/** Metering: counts every model call exactly once into raw usage rows and per-tenant rollups. */
@NullMarked
package io.tenantchat.usage.metering;

import org.jspecify.annotations.NullMarked;
