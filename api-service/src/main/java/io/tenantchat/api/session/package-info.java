/** Chat sessions (conversations) owned by one user of one tenant. */
package io.tenantchat.api.session;
