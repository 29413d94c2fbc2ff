package dev.rapport.core.internal.event;

import java.util.concurrent.TimeUnit;

/**
 * The numbered passes of one delivery loop (the fan-out, or a subscriber's lane), so that a caller can wait for a pass
 * that began after it asked and found nothing left to do: everything committed before the ask has then gone through
 * that loop.
 */
final class Passes {
    private long begun;
    private long lastClean;

    /** Numbers a pass as it begins. */
    synchronized long begin() {
        return ++begun;
    }

    /** The pass numbered {@code pass} ended with nothing left to do. */
    synchronized void clean(long pass) {
        if (pass > lastClean) {
            lastClean = pass;
            notifyAll();
        }
    }

    /** The number of the latest pass begun: a later clean pass began after this moment. */
    synchronized long mark() {
        return begun;
    }

    /**
     * Waits until a pass numbered above {@code mark} ends clean.
     *
     * @return false when {@code deadlineNanos} (of {@link System#nanoTime()}) passes first
     */
    synchronized boolean awaitCleanAfter(long mark, long deadlineNanos) throws InterruptedException {
        while (lastClean <= mark) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
