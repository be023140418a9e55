/** Live reply events and reply snapshots from Redis ({@code tenantchat.stream.redis.enabled=true}). */
package io.tenantchat.api.stream.adapter.out.redis;
