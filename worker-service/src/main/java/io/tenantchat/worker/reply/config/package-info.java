/** The reply feature's configuration: its properties and the beans it wires. */
@NullMarked
package io.tenantchat.worker.reply.config;

import org.jspecify.annotations.NullMarked;
