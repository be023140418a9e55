/** Per-tenant API keys: tenant-admins issue, list and revoke them; programs authenticate with them. */
@NullMarked
package io.tenantchat.api.apikey;

import org.jspecify.annotations.NullMarked;
