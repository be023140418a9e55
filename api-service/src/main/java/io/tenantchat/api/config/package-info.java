/** Spring wiring: settings records, security, AWS clients and use-case beans. */
@NullMarked
package io.tenantchat.api.config;

import org.jspecify.annotations.NullMarked;
