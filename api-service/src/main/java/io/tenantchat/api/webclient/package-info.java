/** The browser client: its public settings endpoint and the content security policy its pages are served with. */
@NullMarked
package io.tenantchat.api.webclient;

import org.jspecify.annotations.NullMarked;
