/** The view-usage use case and the rollup reader port. */
@NullMarked
package io.tenantchat.api.usage.application;

import org.jspecify.annotations.NullMarked;
