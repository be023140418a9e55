/**
 * Erasure: erase one user of a tenant or off-board a whole tenant as a resumable job that ends with a certificate
 * (issue #24). Usage rows stay for billing with the user id replaced by a keyed pseudonym.
 */
@NullMarked
package io.tenantchat.api.erasure;

import org.jspecify.annotations.NullMarked;
