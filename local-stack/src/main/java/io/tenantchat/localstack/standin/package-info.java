/** Dev/test-only plumbing shared by the HTTP/1.1 model stand-ins: a Netty server, paced streaming, labelled replies, fault budgets. */
package io.tenantchat.localstack.standin;
