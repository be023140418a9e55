package io.tenantchat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * TTFT overhead paired per request: (client's first delta) − (POST start) − (the model stand-in's own time from
 * receiving that request to sending its first token). A request without a first delta or without the stand-in's
 * figure is counted as unpaired, never guessed.
 */
final class PairedOverhead {

    private PairedOverhead() {}

    /** One request as the client saw it ({@link System#nanoTime()}); {@code firstDeltaNanos} null when none came. */
    record Request(String ref, long postStartNanos, Long firstDeltaNanos) {
    }

    /** Overheads in milliseconds, one per paired request, and how many could not be paired. */
    record Result(double[] overheadMs, double[] clientTtftMs, double[] modelTtftMs, int unpaired) {
    }

    /** {@code modelFirstTokenNanos}: the stand-in's receive→first-token time for a ref, or null when unknown. */
    static Result pair(List<Request> requests, Function<String, Long> modelFirstTokenNanos) {
        List<double[]> paired = new ArrayList<>();
        int unpaired = 0;
        for (Request r : requests) {
            Long model = modelFirstTokenNanos.apply(r.ref());
            if (r.firstDeltaNanos() == null || model == null) {
                unpaired++;
                continue;
            }
            long client = r.firstDeltaNanos() - r.postStartNanos();
            paired.add(new double[] {(client - model) / 1e6, client / 1e6, model / 1e6});
        }
        return new Result(column(paired, 0), column(paired, 1), column(paired, 2), unpaired);
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(row -> row[i]).toArray();
    }
}
