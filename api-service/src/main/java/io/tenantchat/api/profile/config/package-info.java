/** The profile feature's settings and Spring wiring. */
@NullMarked
package io.tenantchat.api.profile.config;

import org.jspecify.annotations.NullMarked;
