package dev.rapport.core.internal.plugin;

import java.lang.System.Logger.Level;
import java.time.Duration;

/** Closes a plugin instance, waiting for it a short while only: a plugin that hangs in close cannot hold the SDK. */
public final class PatientClose {
    private static final System.Logger LOG = System.getLogger(PatientClose.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private PatientClose() {
    }

    /** @param name names the instance in the thread's name and the log, e.g. {@code notifier-ops} */
    public static void close(String name, AutoCloseable instance) {
        var closing = new Thread(() -> {
            try {
                instance.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Plugin instance " + name + " failed to close: " + e.getClass().getName());
            }
        }, "rapport-" + name + "-close");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
