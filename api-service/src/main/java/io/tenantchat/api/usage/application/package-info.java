/** The view-usage use case and the rollup reader port. */
package io.tenantchat.api.usage.application;
