/** Spring wiring of usage-aggregator: settings records and use-case beans. */
@NullMarked
package io.tenantchat.usage.config;

import org.jspecify.annotations.NullMarked;
