package io.tenantchat.worker.reply.adapter.out.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reads a cancelled completion transaction (reply put, message update, session update, in that order). */
final class CompletionConflict {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final int REPLY_PUT = 0;
    private static final int MESSAGE_UPDATE = 1;
    private static final int SESSION_UPDATE = 2;

    private CompletionConflict() {}

    /**
     * True when the reply exists already or the message is no longer processing: another delivery of the same
     * job finished first. A missing session is not such a case.
     */
    static boolean alreadyAnswered(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return conditionFailed(reasons, REPLY_PUT) || conditionFailed(reasons, MESSAGE_UPDATE);
    }

    /** True when the message's session is gone (deleted while the reply was generating): nobody will read it. */
    static boolean sessionGone(TransactionCanceledException e) {
        return conditionFailed(e.cancellationReasons(), SESSION_UPDATE);
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }
}
