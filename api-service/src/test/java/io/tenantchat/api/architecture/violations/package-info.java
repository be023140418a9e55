/** Deliberate violations that prove the architecture rules can fail. Test code only. */
package io.tenantchat.api.architecture.violations;
