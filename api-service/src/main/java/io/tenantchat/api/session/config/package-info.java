/** The session feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.session.config;

import org.jspecify.annotations.NullMarked;
