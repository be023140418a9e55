/** Test support for trace context propagation through the adapters. */
package io.tenantchat.localstack.tracing;
