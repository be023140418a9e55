/** Who is calling: the tenant and user taken from a verified Cognito ID token, never from request input. */
@NullMarked
package io.tenantchat.api.identity;

import org.jspecify.annotations.NullMarked;
