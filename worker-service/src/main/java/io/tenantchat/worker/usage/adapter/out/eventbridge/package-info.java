/** Publishes usage events with EventBridge PutEvents to the tenantchat-usage bus. */
@NullMarked
package io.tenantchat.worker.usage.adapter.out.eventbridge;

import org.jspecify.annotations.NullMarked;
