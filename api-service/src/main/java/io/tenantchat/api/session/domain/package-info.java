/** Session domain types, free of frameworks. */
package io.tenantchat.api.session.domain;
