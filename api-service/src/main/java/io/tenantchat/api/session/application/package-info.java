/** Session use cases and the ports they need. */
package io.tenantchat.api.session.application;
