/** Plan changes announced to every api instance over Redis pub/sub. */
@NullMarked
package io.tenantchat.api.tenant.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
