/** Reading and replacing a tenant's profile: who may, and what a deployment's model provider can honour. */
@NullMarked
package io.tenantchat.api.profile.application;

import org.jspecify.annotations.NullMarked;
