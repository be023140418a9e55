/** Builds ModelInvoked events and the port that publishes them. */
@NullMarked
package io.tenantchat.worker.usage.application;

import org.jspecify.annotations.NullMarked;
