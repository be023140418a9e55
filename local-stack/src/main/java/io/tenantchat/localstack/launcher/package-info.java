/** Starts the whole system locally (stand-ins, provisioning, the three services as child JVMs) and the run-local CLI. */
package io.tenantchat.localstack.launcher;
