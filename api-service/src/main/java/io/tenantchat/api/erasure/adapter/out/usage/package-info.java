/**
 * The usage pseudonymizer on DynamoDB: raw usage rows and per-user rollup items rewritten to name a pseudonym.
 */
@NullMarked
package io.tenantchat.api.erasure.adapter.out.usage;

import org.jspecify.annotations.NullMarked;
