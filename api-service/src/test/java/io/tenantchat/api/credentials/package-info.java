/** Tests of the per-tenant STS credentials against a local STS-like endpoint. */
package io.tenantchat.api.credentials;
