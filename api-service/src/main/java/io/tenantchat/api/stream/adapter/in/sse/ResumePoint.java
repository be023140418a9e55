package io.tenantchat.api.stream.adapter.in.sse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a client's text stands: {@code attempt} and the number of characters of that attempt's text it has. An
 * event's id is {@code <attempt>:<chars>}, or {@value #DONE} for the terminal event.
 */
record ResumePoint(int attempt, long chars) {

    static final String DONE = "done";
    static final ResumePoint START = new ResumePoint(0, 0);
    private static final Pattern ID = Pattern.compile("(\\d{1,6}):(\\d{1,12})");

    /** The point a {@code Last-Event-ID} names; {@link #START} for none; an unknown form is an invalid argument. */
    static ResumePoint parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank() || DONE.equals(lastEventId)) {
            return START;
        }
        Matcher m = ID.matcher(lastEventId.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an event id of this stream");
        }
        return new ResumePoint(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    }

    String id() {
        return attempt + ":" + chars;
    }
}
