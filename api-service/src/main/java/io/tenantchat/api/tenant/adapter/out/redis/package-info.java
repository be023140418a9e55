/** Plan changes announced to every api instance over Redis pub/sub. */
package io.tenantchat.api.tenant.adapter.out.redis;
