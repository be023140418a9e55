/** The subscription and tenant-administration endpoints, and the 429 answer of a refused request. */
@NullMarked
package io.tenantchat.api.tenant.adapter.in.web;

import org.jspecify.annotations.NullMarked;
