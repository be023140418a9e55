/** The usage feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.usage.config;

import org.jspecify.annotations.NullMarked;
