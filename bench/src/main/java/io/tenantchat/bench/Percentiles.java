package io.tenantchat.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exact percentiles of recorded samples (nearest rank: the smallest sample with at least p % at or below it). */
final class Percentiles {

    private Percentiles() {}

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100) of {@code samples}; NaN when there are none. */
    static double of(double[] samples, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** {count, p50, p90, p99, max} in the samples' unit, suffixed {@code _ms}; the figures are null when empty. */
    static Map<String, Object> summaryMs(double[] samples) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", samples.length);
        for (double p : new double[] {50, 90, 99}) {
            out.put("p" + (int) p + "_ms", samples.length == 0 ? null : round(of(samples, p)));
        }
        out.put("max_ms", samples.length == 0 ? null : round(Arrays.stream(samples).max().getAsDouble()));
        return out;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
