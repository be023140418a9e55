package io.tenantchat.api.stream.application;

/** An open subscription; closing it stops the deliveries. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    Subscription NONE = () -> { };

    @Override
    void close();
}
