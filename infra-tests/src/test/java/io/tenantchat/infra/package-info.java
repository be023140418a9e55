/** Static checks of infra/terraform against the application's names, settings and security rules. */
package io.tenantchat.infra;
