/** Wire contracts shared by the TenantChat services: typed ids, queue jobs and events. */
@NullMarked
package io.tenantchat.shared;

import org.jspecify.annotations.NullMarked;
