/** The operations feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.operations.config;

import org.jspecify.annotations.NullMarked;
