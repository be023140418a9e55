/** Spring configuration: typed settings and the beans that wire adapters to the reply use case. */
@NullMarked
package io.tenantchat.worker.config;

import org.jspecify.annotations.NullMarked;
