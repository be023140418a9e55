/** Metering: counts every model call exactly once into raw usage rows and per-tenant rollups. */
package io.tenantchat.usage.metering;
