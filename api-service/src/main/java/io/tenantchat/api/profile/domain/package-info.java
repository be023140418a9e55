/** The tenant profile and its bounds, free of frameworks. */
@NullMarked
package io.tenantchat.api.profile.domain;

import org.jspecify.annotations.NullMarked;
