/** What an export contains and who may take it; the pages are read while the answer is written. */
@NullMarked
package io.tenantchat.api.export.application;

import org.jspecify.annotations.NullMarked;
