/**
 * Counts AWS SDK requests by service and operation for every client built in the JVM: a global execution interceptor
 * the SDK finds on the classpath, reporting to Micrometer's global registry (which Spring Boot joins to its own).
 */
@NullMarked
package io.tenantchat.awsmetrics;

import org.jspecify.annotations.NullMarked;
