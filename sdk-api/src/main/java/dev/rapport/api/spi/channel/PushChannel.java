package dev.rapport.api.spi.channel;

/**
 * A channel whose messages are pushed to the server, such as a public web form or a chat platform's webhook. The host
 * (e.g. the reference server) hands each request over as it came, and answers the sender by the outcome.
 */
public interface PushChannel extends Channel {
    /**
     * Authenticates and parses one request. Bad or unauthenticated requests are outcomes, not exceptions. Called
     * concurrently.
     */
    Received receive(InboundRequest request);
}
