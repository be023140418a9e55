/** REST for platform operators under {@code /api/admin/queues}. */
@NullMarked
package io.tenantchat.api.operations.adapter.in.web;

import org.jspecify.annotations.NullMarked;
