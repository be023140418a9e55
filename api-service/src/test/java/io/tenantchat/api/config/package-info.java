/** Tests of the Spring wiring of optional features. */
package io.tenantchat.api.config;
