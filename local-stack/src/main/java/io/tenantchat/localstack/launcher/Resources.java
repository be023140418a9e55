package io.tenantchat.localstack.launcher;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the launcher started, closed in reverse order; a failing close is logged and the rest still closed. */
final class Resources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Resources.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    @Override
    public void close() {
        for (AutoCloseable resource = next(); resource != null; resource = next()) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("could not stop {}: {}", resource, e.toString());
            }
        }
    }

    private AutoCloseable next() {
        synchronized (started) {
            return started.poll();
        }
    }
}
