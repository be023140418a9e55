/** Wire contracts shared by the TenantChat services: typed ids, queue jobs and events. */
package io.tenantchat.shared;
