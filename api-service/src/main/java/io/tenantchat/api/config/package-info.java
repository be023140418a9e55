/** Spring wiring: settings records, security, AWS clients and use-case beans. */
package io.tenantchat.api.config;
