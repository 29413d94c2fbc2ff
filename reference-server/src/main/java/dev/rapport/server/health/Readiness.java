package dev.rapport.server.health;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this node is still taking work: false from the moment its shutdown begins, so that {@code GET /health/ready}
 * tells a load balancer to send new requests elsewhere while those in flight finish.
 */
public final class Readiness {
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    /** Marks the node as shutting down; it never becomes ready again. */
    public void shutdownBegun() {
        shuttingDown.set(true);
    }

    /** Whether {@link #shutdownBegun()} was called. */
    public boolean shuttingDown() {
        return shuttingDown.get();
    }
}
