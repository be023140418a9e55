/** The record-usage use case and the ledger port it writes to. */
@NullMarked
package io.tenantchat.usage.metering.application;

import org.jspecify.annotations.NullMarked;
