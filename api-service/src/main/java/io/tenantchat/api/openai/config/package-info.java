/** The openai feature's settings and Spring wiring. */
@NullMarked
package io.tenantchat.api.openai.config;

import org.jspecify.annotations.NullMarked;
