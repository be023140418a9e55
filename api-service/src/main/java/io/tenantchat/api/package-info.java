/** api-service: authenticates callers, stores user messages and queues chat jobs for the worker. */
package io.tenantchat.api;
