/** The chat feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.api.chat.config;

import org.jspecify.annotations.NullMarked;
