package io.tenantchat.api.operations.domain;

import java.util.List;

/**
 * The result of one replay call: counts of every outcome, and the first {@link #MAX_LISTED} outcomes one by one.
 * {@code matched} counts the dead letters the filter selected; the others were left untouched.
 */
public record ReplaySummary(OperatedQueue queue, boolean dryRun, int examined, int matched, int moved, int skipped,
        int failed, List<ReplayedLetter> letters) {

    public static final int MAX_LISTED = 100;

    public ReplaySummary {
        letters = List.copyOf(letters);
    }
}
