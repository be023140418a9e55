package io.tenantchat.bench;

import io.tenantchat.localstack.bedrock.BedrockStandIn.FirstToken;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * TTFT overhead paired per request: (client's first delta) − (POST start) − (the model stand-in's own time from
 * receiving that request to sending its first token). A request without a first delta or without the stand-in's
 * figure is counted as unpaired, never guessed. The client and the stand-in share one clock ({@link System#nanoTime()}
 * of the bench JVM), so each overhead splits exactly into the part before the model (POST start → the stand-in
 * received the request) and the part after it (the stand-in sent its first token → the client's first delta).
 */
final class PairedOverhead {

    private PairedOverhead() {}

    /**
     * One request as the client saw it ({@link System#nanoTime()}): {@code acceptedNanos} when its 202 arrived,
     * {@code firstDeltaNanos} null when no delta came.
     */
    record Request(String ref, long postStartNanos, long acceptedNanos, Long firstDeltaNanos) {
    }

    /**
     * Milliseconds, one per paired request: the overhead, the client's POST → first delta, the stand-in's own
     * receive → first token, the overhead's part before the model and after its first token, and the client's
     * POST → 202; and how many could not be paired.
     */
    record Result(double[] overheadMs, double[] clientTtftMs, double[] modelTtftMs, double[] beforeModelMs,
            double[] afterFirstTokenMs, double[] acceptMs, int unpaired) {
    }

    /** {@code model}: when the stand-in received a ref's request and sent its first token, or null when unknown. */
    static Result pair(List<Request> requests, Function<String, FirstToken> model) {
        List<double[]> paired = new ArrayList<>();
        int unpaired = 0;
        for (Request r : requests) {
            FirstToken first = model.apply(r.ref());
            if (r.firstDeltaNanos() == null || first == null) {
                unpaired++;
                continue;
            }
            long client = r.firstDeltaNanos() - r.postStartNanos();
            long own = first.sentNanos() - first.receivedNanos();
            paired.add(new double[] {(client - own) / 1e6, client / 1e6, own / 1e6,
                (first.receivedNanos() - r.postStartNanos()) / 1e6, (r.firstDeltaNanos() - first.sentNanos()) / 1e6,
                (r.acceptedNanos() - r.postStartNanos()) / 1e6});
        }
        return new Result(column(paired, 0), column(paired, 1), column(paired, 2), column(paired, 3),
                column(paired, 4), column(paired, 5), unpaired);
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(row -> row[i]).toArray();
    }
}
