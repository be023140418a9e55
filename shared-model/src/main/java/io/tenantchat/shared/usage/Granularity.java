package io.tenantchat.shared.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time buckets of the usage rollups, in UTC. Bucket labels sort in time order. */
public enum Granularity {
    HOUR("yyyy-MM-dd'T'HH"), DAY("yyyy-MM-dd"), MONTH("yyyy-MM");

    private final DateTimeFormatter format;

    Granularity(String pattern) {
        this.format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    public String bucket(Instant at) {
        return format.format(at);
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Granularity fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
