/** The web client tested in a real headless Chromium against the whole system running locally. */
package io.tenantchat.browser;
