/** Reply streaming against the running api with Redis: request counts while idle, reconnects, slow sockets. */
package io.tenantchat.api.stream;
