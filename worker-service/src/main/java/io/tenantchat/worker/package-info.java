/** The worker-service: consumes chat jobs from SQS, asks the model for a reply and stores it. */
@NullMarked
package io.tenantchat.worker;

import org.jspecify.annotations.NullMarked;
