/**
 * Live reply signals inside one api instance, for a single instance without Redis
 * ({@code tenantchat.stream.redis.enabled=false}).
 */
package io.tenantchat.api.stream.adapter.out.local;
