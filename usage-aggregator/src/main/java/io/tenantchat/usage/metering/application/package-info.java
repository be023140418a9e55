/** The record-usage use case and the ledger port it writes to. */
package io.tenantchat.usage.metering.application;
