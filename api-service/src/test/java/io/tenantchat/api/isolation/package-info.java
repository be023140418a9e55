/**
 * The tenant isolation suite: every operation of the running service's OpenAPI document against every bad token,
 * another tenant, another user and guessed or malformed ids, over HTTP and the WebSocket against the real stand-ins.
 */
package io.tenantchat.api.isolation;
