/** Usage report types, free of frameworks. */
@NullMarked
package io.tenantchat.api.usage.domain;

import org.jspecify.annotations.NullMarked;
