/** The apikey feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.apikey.config;

import org.jspecify.annotations.NullMarked;
