/** Usage metering contracts: the ModelInvoked event, the EventBridge envelope and the rollup key layout. */
@NullMarked
package io.tenantchat.shared.usage;

import org.jspecify.annotations.NullMarked;
