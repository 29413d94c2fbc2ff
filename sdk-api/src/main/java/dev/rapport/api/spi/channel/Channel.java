package dev.rapport.api.spi.channel;

/**
 * One configured channel. A channel is a {@link PollingChannel} or a {@link PushChannel}; one that can send the agents'
 * customer-visible progress back to the customer also implements {@link Replying}. Calls come from SDK threads,
 * time-boxed: a call that throws or overruns never fails a ticket operation.
 */
public interface Channel extends AutoCloseable {
    /** Releases connections and threads; idempotent. */
    @Override
    void close();
}
