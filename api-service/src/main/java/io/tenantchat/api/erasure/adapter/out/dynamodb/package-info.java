/** The jobs table and the deletes of an erasure, each batch in one transaction with the job's counters. */
@NullMarked
package io.tenantchat.api.erasure.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
