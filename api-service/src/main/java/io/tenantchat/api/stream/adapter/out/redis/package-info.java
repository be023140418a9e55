/** Live reply events and reply snapshots from Redis ({@code tenantchat.stream.redis.enabled=true}). */
@NullMarked
package io.tenantchat.api.stream.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
