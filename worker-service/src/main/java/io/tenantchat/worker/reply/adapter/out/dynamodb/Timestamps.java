package io.tenantchat.worker.reply.adapter.out.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Stored instants: ISO-8601 UTC with milliseconds ({@code 2026-11-29T12:00:00.123Z}), so they sort as text. */
final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
