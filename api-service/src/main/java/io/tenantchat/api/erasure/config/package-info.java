/** The erasure feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.erasure.config;

import org.jspecify.annotations.NullMarked;
