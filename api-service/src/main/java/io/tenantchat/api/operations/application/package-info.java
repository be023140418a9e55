/** Queue inspection and replay use cases and the queue console port they need. */
package io.tenantchat.api.operations.application;
