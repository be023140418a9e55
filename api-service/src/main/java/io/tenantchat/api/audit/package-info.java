/** The tenant audit trail: every administrative action appends a hash-chained entry; tenant-admins and operators page and verify it. */
@NullMarked
package io.tenantchat.api.audit;

import org.jspecify.annotations.NullMarked;
