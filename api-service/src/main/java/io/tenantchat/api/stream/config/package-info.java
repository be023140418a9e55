/** The stream feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.stream.config;

import org.jspecify.annotations.NullMarked;
