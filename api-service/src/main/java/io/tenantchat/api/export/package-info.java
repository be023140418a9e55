/** Data export: one session for its owner (JSON or Markdown), a whole tenant for its tenant-admin (NDJSON), streamed page by page. */
@NullMarked
package io.tenantchat.api.export;

import org.jspecify.annotations.NullMarked;
