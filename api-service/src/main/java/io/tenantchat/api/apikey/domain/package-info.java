/** API keys, their ids and the secret's presented form; no framework. */
@NullMarked
package io.tenantchat.api.apikey.domain;

import org.jspecify.annotations.NullMarked;
