/** Test support: the feature-boundary rules the services' architecture tests apply to their own classes. */
package io.tenantchat.localstack.architecture;
