/** The Cognito user pools stand-in: cognito-local run with node as a child process. */
package io.tenantchat.localstack.cognito;
