package io.tenantchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus text exposition of {@code /actuator/prometheus}: samples, the AWS request counters, and timers
 * summed over their series (tenant tags and such) with the difference between two scrapes.
 */
final class Prometheus {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Prometheus() {}

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            samples.add(new Sample(m.group(1), labels, value(m.group(3))));
        }
        return samples;
    }

    /** {@code "<Service> <Operation>"} → requests, from {@code tenantchat_aws_requests_total}. */
    static Map<String, Long> awsRequests(List<Sample> samples) {
        Map<String, Long> out = new TreeMap<>();
        for (Sample s : samples) {
            if (s.name().equals("tenantchat_aws_requests_total")) {
                out.merge(s.labels().get("service") + " " + s.labels().get("operation"), (long) s.value(), Long::sum);
            }
        }
        return out;
    }

    /** The timer {@code base} (e.g. {@code tenantchat_queue_wait_seconds}) summed over the series {@code which} keeps. */
    static Timer timer(List<Sample> samples, String base, Predicate<Map<String, String>> which) {
        double count = 0;
        double sum = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Sample s : samples) {
            if (!which.test(s.labels())) {
                continue;
            }
            if (s.name().equals(base + "_count")) {
                count += s.value();
            } else if (s.name().equals(base + "_sum")) {
                sum += s.value();
            } else if (s.name().equals(base + "_bucket") && s.labels().containsKey("le")) {
                buckets.merge(value(s.labels().get("le")), s.value(), Double::sum);
            }
        }
        return new Timer(count, sum, buckets);
    }

    /**
     * A timer's count, total seconds and cumulative histogram buckets (upper bound in seconds → count at or below;
     * empty when the timer publishes none).
     */
    record Timer(double count, double sumSeconds, NavigableMap<Double, Double> buckets) {

        static final Timer NONE = new Timer(0, 0, new TreeMap<>());

        /** What was recorded after {@code before} was scraped. */
        Timer minus(Timer before) {
            TreeMap<Double, Double> diff = new TreeMap<>();
            buckets.forEach((le, n) -> diff.put(le, n - before.buckets().getOrDefault(le, 0.0)));
            return new Timer(count - before.count(), sumSeconds - before.sumSeconds(), diff);
        }

        /** Whether percentile {@code p} lies past the last finite bucket bound ({@link #percentileMs} is a lower limit). */
        boolean beyondBuckets(double p) {
            Map.Entry<Double, Double> lastFinite = buckets.lowerEntry(Double.POSITIVE_INFINITY);
            return count > 0 && lastFinite != null && lastFinite.getValue() < p / 100 * count;
        }

        Double meanMs() {
            return count > 0 ? sumSeconds / count * 1000 : null;
        }

        /**
         * Percentile {@code p} estimated from the buckets, interpolated linearly inside the bucket it falls in; null
         * without buckets or samples. Past the last finite bound it answers that bound (a lower limit).
         */
        Double percentileMs(double p) {
            if (count <= 0 || buckets.isEmpty()) {
                return null;
            }
            double target = p / 100 * count;
            double lower = 0;
            double below = 0;
            for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
                if (bucket.getValue() >= target) {
                    if (bucket.getKey().isInfinite()) {
                        return lower * 1000;
                    }
                    double inBucket = bucket.getValue() - below;
                    double share = inBucket <= 0 ? 1 : (target - below) / inBucket;
                    return (lower + (bucket.getKey() - lower) * share) * 1000;
                }
                lower = bucket.getKey().isInfinite() ? lower : bucket.getKey();
                below = bucket.getValue();
            }
            return lower * 1000;
        }
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
