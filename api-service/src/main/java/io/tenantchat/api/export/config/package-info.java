/** The export feature's settings and Spring wiring. */
@NullMarked
package io.tenantchat.api.export.config;

import org.jspecify.annotations.NullMarked;
