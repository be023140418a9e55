/** Holds the AWS calls the e2e run recorded against the services' IAM roles in infra/terraform. */
package io.tenantchat.infra;
