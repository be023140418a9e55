/**
 * Live reply signals inside one api instance, for a single instance without Redis
 * ({@code tenantchat.stream.redis.enabled=false}).
 */
@NullMarked
package io.tenantchat.api.stream.adapter.out.local;

import org.jspecify.annotations.NullMarked;
