package io.tenantchat.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The fields of a request's work in every log line it writes (SLF4J MDC; the services print them as JSON members):
 * who it is for and which message, never message text or tokens. The trace id comes from the tracer. Closing
 * restores what the keys held before, so contexts nest.
 *
 * <pre>{@code
 * try (LogContext ignored = LogContext.of(LogContext.TENANT_ID, tenant, LogContext.MESSAGE_ID, message)) { ... }
 * }</pre>
 */
public final class LogContext implements AutoCloseable {

    public static final String TENANT_ID = "tenant_id";
    public static final String USER_ID = "user_id";
    public static final String SESSION_ID = "session_id";
    public static final String MESSAGE_ID = "message_id";

    private final Map<String, String> previous;

    private LogContext(Map<String, String> previous) {
        this.previous = previous;
    }

    /**
     * Puts the given key/value pairs (a null value leaves its key out) until closed.
     *
     * @throws IllegalArgumentException when the arguments are not pairs
     */
    public static LogContext of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, String> previous = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = String.valueOf(keysAndValues[i]);
            Object value = keysAndValues[i + 1];
            if (value == null || previous.containsKey(key)) {
                continue;
            }
            previous.put(key, MDC.get(key));
            MDC.put(key, String.valueOf(value));
        }
        return new LogContext(previous);
    }

    /** Puts every entry of {@code fields} (e.g. a copy of another thread's context) until closed. */
    public static LogContext of(Map<String, String> fields) {
        Object[] keysAndValues = new Object[fields.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            keysAndValues[i++] = field.getKey();
            keysAndValues[i++] = field.getValue();
        }
        return of(keysAndValues);
    }

    /** The calling thread's fields, to carry work onto another thread. */
    public static Map<String, String> current() {
        Map<String, String> fields = MDC.getCopyOfContextMap();
        return fields == null ? Map.of() : fields;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
