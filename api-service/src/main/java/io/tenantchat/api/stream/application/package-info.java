/** The reply feed of one subscription and the ports it needs (live events, snapshots); no framework types. */
@NullMarked
package io.tenantchat.api.stream.application;

import org.jspecify.annotations.NullMarked;
