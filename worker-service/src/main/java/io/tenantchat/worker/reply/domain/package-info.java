/** Reply domain: conversations, model replies and the failures a reply can end in; no framework types. */
@NullMarked
package io.tenantchat.worker.reply.domain;

import org.jspecify.annotations.NullMarked;
