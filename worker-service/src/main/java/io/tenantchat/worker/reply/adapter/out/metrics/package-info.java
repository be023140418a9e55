/** Reply metrics on Micrometer, exported at {@code /actuator/prometheus}. */
@NullMarked
package io.tenantchat.worker.reply.adapter.out.metrics;

import org.jspecify.annotations.NullMarked;
