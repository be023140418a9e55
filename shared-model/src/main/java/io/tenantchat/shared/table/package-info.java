/**
 * Layouts of the DynamoDB tables that more than one service writes: key builders and attribute names, one
 * definition each (docs/architecture.md, "DynamoDB tables"). Plain strings: the services build their own requests.
 */
@NullMarked
package io.tenantchat.shared.table;

import org.jspecify.annotations.NullMarked;
