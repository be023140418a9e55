package io.tenantchat.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/** Latencies recorded from any thread into an HdrHistogram (microsecond resolution, up to 10 minutes). */
final class Latency {

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
    private Histogram total;

    void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.MINUTES.toMicros(10))));
    }

    void recordSince(long startNanos) {
        recordNanos(System.nanoTime() - startNanos);
    }

    /** Everything recorded so far (call once recording is over). */
    synchronized Histogram histogram() {
        Histogram interval = recorder.getIntervalHistogram();
        if (total == null) {
            total = interval.copy();
        } else {
            total.add(interval);
        }
        return total;
    }

    long count() {
        return histogram().getTotalCount();
    }

    double percentileMs(double percentile) {
        return histogram().getValueAtPercentile(percentile) / 1000.0;
    }

    /** {count, p50, p95, p99, max} in milliseconds. */
    Map<String, Object> summary() {
        Histogram h = histogram();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        out.put("p50_ms", round(h.getValueAtPercentile(50) / 1000.0));
        out.put("p95_ms", round(h.getValueAtPercentile(95) / 1000.0));
        out.put("p99_ms", round(h.getValueAtPercentile(99) / 1000.0));
        out.put("max_ms", round(h.getMaxValue() / 1000.0));
        return out;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
