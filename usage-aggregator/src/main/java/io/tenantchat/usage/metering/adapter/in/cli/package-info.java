/** The one-off re-aggregation command ({@code scripts/ops.sh reaggregate}). */
@NullMarked
package io.tenantchat.usage.metering.adapter.in.cli;

import org.jspecify.annotations.NullMarked;
