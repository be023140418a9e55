package io.tenantchat.localstack.standin;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** What a stand-in received: how many requests of its operation, and the last one as it arrived. */
public final class RequestLog {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<RecordedRequest> last = new AtomicReference<>();

    public void record(RecordedRequest request) {
        count.incrementAndGet();
        last.set(request);
    }

    public int count() {
        return count.get();
    }

    public Optional<RecordedRequest> last() {
        return Optional.ofNullable(last.get());
    }
}
