/** Framework-free refusals raised by use cases; the web layer renders them as problem responses. */
package io.tenantchat.api.error;
