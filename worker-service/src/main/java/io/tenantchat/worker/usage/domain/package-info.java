/** Prices of model calls; no framework types. */
@NullMarked
package io.tenantchat.worker.usage.domain;

import org.jspecify.annotations.NullMarked;
