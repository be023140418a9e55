/** Erasure endpoints: start a user's erasure or a tenant's off-boarding, read a job. */
@NullMarked
package io.tenantchat.api.erasure.adapter.in.web;

import org.jspecify.annotations.NullMarked;
