/** The browser client: its public settings endpoint and the content security policy its pages are served with. */
package io.tenantchat.api.webclient;
