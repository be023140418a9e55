/** API keys, their ids and the secret's presented form; no framework. */
package io.tenantchat.api.apikey.domain;
