package io.tenantchat.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters read before and after a window (first send → last completion, or an idle spell): what was sent in
 * between, per message or per second. Counters that went down (a restarted service) count from zero.
 */
final class RequestWindow {

    private RequestWindow() {}

    /** {@code after − before} per key, keys that did not grow left out. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((key, n) -> {
            long was = before.getOrDefault(key, 0L);
            long d = n >= was ? n - was : n;
            if (d > 0) {
                delta.put(key, d);
            }
        });
        return delta;
    }

    static Map<String, Double> per(Map<String, Long> delta, double divisor) {
        if (!(divisor > 0)) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        Map<String, Double> out = new TreeMap<>();
        delta.forEach((key, n) -> out.put(key, n / divisor));
        return out;
    }

    /** The sum of the keys whose text does not contain {@code excluded} (e.g. ConverseStream). */
    static double total(Map<String, Double> values, String excluded) {
        return values.entrySet().stream().filter(e -> excluded == null || !e.getKey().contains(excluded))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
