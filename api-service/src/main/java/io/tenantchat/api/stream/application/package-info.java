/** The reply feed of one subscription and the ports it needs (live events, snapshots); no framework types. */
package io.tenantchat.api.stream.application;
