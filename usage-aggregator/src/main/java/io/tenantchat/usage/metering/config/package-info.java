/** The metering feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.usage.metering.config;

import org.jspecify.annotations.NullMarked;
