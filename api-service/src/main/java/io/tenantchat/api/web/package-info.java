/** HTTP concerns shared by all features: RFC 9457 problem responses for every error. */
package io.tenantchat.api.web;
