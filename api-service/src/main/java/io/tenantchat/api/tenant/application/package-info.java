/** Plan lookup (with the unknown-tenant policy), quota admission of chat messages and the subscription use cases. */
@NullMarked
package io.tenantchat.api.tenant.application;

import org.jspecify.annotations.NullMarked;
