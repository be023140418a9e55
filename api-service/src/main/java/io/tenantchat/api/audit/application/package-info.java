/** Appending to, paging and verifying a tenant's audit trail, and the port to where it is stored. */
@NullMarked
package io.tenantchat.api.audit.application;

import org.jspecify.annotations.NullMarked;
