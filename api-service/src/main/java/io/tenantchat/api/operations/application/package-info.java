/** Queue inspection and replay use cases and the queue console port they need. */
@NullMarked
package io.tenantchat.api.operations.application;

import org.jspecify.annotations.NullMarked;
