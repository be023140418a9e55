/** The tenant feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.tenant.config;

import org.jspecify.annotations.NullMarked;
