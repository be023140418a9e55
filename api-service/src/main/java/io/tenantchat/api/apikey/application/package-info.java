/** Issuing, listing, revoking and authenticating API keys; the key store port. */
package io.tenantchat.api.apikey.application;
