/** Usage metering contracts: the ModelInvoked event, the EventBridge envelope and the rollup key layout. */
package io.tenantchat.shared.usage;
