/** The credentials feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.credentials.config;

import org.jspecify.annotations.NullMarked;
