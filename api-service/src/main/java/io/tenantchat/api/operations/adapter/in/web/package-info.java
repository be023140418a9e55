/** REST for platform operators under {@code /api/admin/queues}. */
package io.tenantchat.api.operations.adapter.in.web;
