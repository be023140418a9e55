/** Reply stream events from the worker to the api instances (Redis pub/sub channel per tenant and session). */
@NullMarked
package io.tenantchat.shared.stream;

import org.jspecify.annotations.NullMarked;
