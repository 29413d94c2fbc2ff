package dev.rapport.core.internal.event;

import dev.rapport.api.event.CustomerCreated;
import dev.rapport.api.security.Actor;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The node {@link CrashRecoveryTest} kills: a JVM of its own that commits customers on a database and delivers their
 * events to a slow listener, which writes each customer id to a file as it hears it. Prints {@code CREATED <id>} per
 * customer and then {@code COMMITTED}; runs until killed.
 *
 * <p>Arguments: JDBC URL, user, password, the file, how many customers.
 */
public final class DeliveringNode {
    static final Duration LISTENER_PAUSE = Duration.ofMillis(150);

    private DeliveringNode() {
    }

    public static void main(String[] args) throws Exception {
        Path heardFile = Path.of(args[3]);
        int count = Integer.parseInt(args[4]);
        Writer heard = Files.newBufferedWriter(heardFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        var rapport = Rapport.builder().jdbcUrl(args[0]).jdbcCredentials(args[1], args[2])
                .slaScanInterval(Duration.ZERO)
                .config("rapport.events.timeout", CrashRecoveryTest.TIMEOUT)
                .config("rapport.events.poll-interval", "100ms")
                .listener(event -> {
                    if (event instanceof CustomerCreated created) {
                        pause();
                        write(heard, created.customerId().value());
                    }
                })
                .build();
        for (int i = 0; i < count; i++) {
            var customer = rapport.customers().create(Actor.system(), Fixtures.aCustomer().build(), true);
            System.out.println("CREATED " + customer.id().value());
        }
        System.out.println("COMMITTED");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }

    private static synchronized void write(Writer out, String line) {
        try {
            out.write(line + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(LISTENER_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
