/** Plans, limits, quota periods and usage figures, free of frameworks. */
package io.tenantchat.api.tenant.domain;
