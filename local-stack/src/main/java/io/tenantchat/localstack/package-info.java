/** Dev/test-only helpers shared by the local stand-ins: locating the npm stand-ins, free ports, child processes and SDK clients. */
package io.tenantchat.localstack;
