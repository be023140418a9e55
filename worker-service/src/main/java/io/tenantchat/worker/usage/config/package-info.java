/** The usage feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.worker.usage.config;

import org.jspecify.annotations.NullMarked;
