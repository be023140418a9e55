/** Spring wiring of usage-aggregator: settings records and use-case beans. */
package io.tenantchat.usage.config;
