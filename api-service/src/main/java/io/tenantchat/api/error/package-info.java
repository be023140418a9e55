/** Framework-free refusals raised by use cases; the web layer renders them as problem responses. */
@NullMarked
package io.tenantchat.api.error;

import org.jspecify.annotations.NullMarked;
