/** Usage report types, free of frameworks. */
package io.tenantchat.api.usage.domain;
