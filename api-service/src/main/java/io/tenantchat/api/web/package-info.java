/** HTTP concerns shared by all features: RFC 9457 problem responses for every error, and the body size limit. */
@NullMarked
package io.tenantchat.api.web;

import org.jspecify.annotations.NullMarked;
