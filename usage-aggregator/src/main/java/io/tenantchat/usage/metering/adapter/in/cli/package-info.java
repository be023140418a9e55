/** The one-off re-aggregation command ({@code scripts/ops.sh reaggregate}). */
package io.tenantchat.usage.metering.adapter.in.cli;
