/** Deletes the Redis snapshots of replies in progress. */
@NullMarked
package io.tenantchat.api.erasure.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
