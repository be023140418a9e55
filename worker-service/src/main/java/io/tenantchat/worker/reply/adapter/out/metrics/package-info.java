/** Reply metrics on Micrometer, exported at {@code /actuator/prometheus}. */
package io.tenantchat.worker.reply.adapter.out.metrics;
