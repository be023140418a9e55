/** api-service: authenticates callers, stores user messages and queues chat jobs for the worker. */
@NullMarked
package io.tenantchat.api;

import org.jspecify.annotations.NullMarked;
