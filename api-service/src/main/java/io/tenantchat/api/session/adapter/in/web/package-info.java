/** REST endpoints for sessions under {@code /api/sessions}. */
package io.tenantchat.api.session.adapter.in.web;
