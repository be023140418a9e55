/** Issuing, listing, revoking and authenticating API keys; the key store port. */
@NullMarked
package io.tenantchat.api.apikey.application;

import org.jspecify.annotations.NullMarked;
