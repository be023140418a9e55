/** Plans, limits, quota periods and usage figures, free of frameworks. */
@NullMarked
package io.tenantchat.api.tenant.domain;

import org.jspecify.annotations.NullMarked;
