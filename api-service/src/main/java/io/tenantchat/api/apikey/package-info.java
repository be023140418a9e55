/** Per-tenant API keys: tenant-admins issue, list and revoke them; programs authenticate with them. */
package io.tenantchat.api.apikey;
