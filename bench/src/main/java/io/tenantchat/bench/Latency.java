package io.tenantchat.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Latencies recorded from any thread, every sample kept, so percentiles are exact ({@link Percentiles}). */
final class Latency {

    private final ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();

    void recordNanos(long nanos) {
        millis.add(Math.max(0, nanos) / 1e6);
    }

    void recordMillis(double value) {
        millis.add(value);
    }

    void recordSince(long startNanos) {
        recordNanos(System.nanoTime() - startNanos);
    }

    long count() {
        return millis.size();
    }

    double[] samplesMs() {
        return millis.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double percentileMs(double percentile) {
        return Percentiles.of(samplesMs(), percentile);
    }

    /** {count, p50, p90, p99, max} in milliseconds. */
    Map<String, Object> summary() {
        return Percentiles.summaryMs(samplesMs());
    }

    static double round(double value) {
        return Percentiles.round(value);
    }
}
