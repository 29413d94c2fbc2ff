package dev.rapport.server;

import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.server.demo.DemoClock;
import dev.rapport.server.demo.DemoData;
import dev.rapport.server.health.Readiness;
import dev.rapport.server.logging.ServerLogging;
import dev.rapport.server.metrics.ServerMetrics;
import sun.misc.Signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/** Starts the reference server: {@code java -jar rapport-server.jar [--demo] [--port 8080] ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(ServerOptions.USAGE);
            System.exit(2);
            return;
        }
        ServerLogging.install(options.logFormat());
        ServerMetrics.prepare();
        if (options.dbUrl().isEmpty()) {
            try {
                Files.createDirectories(options.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + options.dataDir(), e);
            }
        }
        int port = options.port() == 0 ? freePort() : options.port();
        // In demo mode the clock can be moved forward over HTTP, to watch SLA warnings and escalations happen.
        var demoClock = options.demo() ? Optional.of(new DemoClock(Clock.systemUTC())) : Optional.<DemoClock>empty();
        var builder = Rapport.builder().jdbcUrl(options.jdbcUrl());
        if (options.attachmentsInDataDir()) {
            builder.config("rapport.blobs.directory", options.attachmentDir().toAbsolutePath().toString());
        }
        builder.attachmentLimits(options.maxAttachmentBytes(), RapportBuilder.DEFAULT_ATTACHMENT_TYPES)
                .config(RapportServer.withStatusLinks(RapportServer.withSurveyLinks(RapportServer.withWebForm(
                        GracefulShutdown.withEventCloseTimeout(options.sdkConfig(), options.shutdownTimeout())),
                        options.publicUrl(port), () -> options.surveySecret().orElseGet(Main::randomSurveySecret)),
                        options.publicUrl(port)));
        if (options.dbUser().isPresent() || options.dbPassword().isPresent()) {
            builder.jdbcCredentials(options.dbUser().orElse(""), options.dbPassword().orElse(""));
        }
        // Only the rules' time moves: delivery keeps real time, or nodes whose demo clocks were moved one after the
        // other would take each other's claims on deliveries for lapsed ones.
        demoClock.ifPresent(clock -> DemoData.prepare(builder.clock(clock).deliveryClock(Clock.systemUTC())));
        if (options.pluginsDir().isPresent()) {
            try {
                builder.pluginDirectory(options.pluginsDir().get());
            } catch (RuntimeException e) {
                // The SDK's configuration error, naming each plugin and its reason: an operator's mistake, not the
                // server's, so the message without a stack trace.
                System.err.println("Cannot load the plugins in " + options.pluginsDir().get() + ": " + e.getMessage());
                System.exit(1);
                return;
            }
        }
        var rapport = builder.build();
        if (options.demo()) {
            if (DemoData.seed(rapport)) {
                System.out.println("Demo data seeded: users admin, supervisor, agent, expert, manager and one or more "
                        + "in every department (README lists them); password " + DemoData.PASSWORD);
            }
        } else {
            rapport.users().createInitialAdmin().ifPresent(password -> System.out.println(
                    "Created the user 'admin'. Its password, shown only this once: " + password));
        }
        var readiness = new Readiness();
        var server = RapportServer.start(rapport, port, options.maxJsonBytes(),
                demoClock.<Function<Duration, Instant>>map(clock -> clock::advance), options.idleTimeout(),
                options.metrics(), readiness, GracefulShutdown.requestGrace(options.shutdownTimeout()));
        var shutdown = new GracefulShutdown(readiness, server, rapport, options.shutdownTimeout());
        // SIGTERM and Ctrl-C stop the node in order and exit 0; the hook covers other exits (System.exit elsewhere).
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), s -> {
                    shutdown.run();
                    System.exit(0);
                });
            } catch (IllegalArgumentException taken) {
                // The JVM keeps this signal (-Xrs): the shutdown hook below still stops the node in order.
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "rapport-shutdown"));
        System.out.println("Rapport listening on http://localhost:" + server.port() + (options.demo() ? " (demo mode)" : ""));
        if (options.metrics().port().isPresent()) {
            System.out.println("Metrics on http://localhost:" + server.port(RapportServer.MANAGEMENT) + "/metrics");
        }
    }

    /** Survey links are built before the server binds, so "any free port" is chosen here. */
    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port to listen on", e);
        }
    }

    /** 256 random bits; logged as being random, never shown. */
    private static String randomSurveySecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        System.getLogger(Main.class.getName()).log(System.Logger.Level.INFO, "No survey secret configured "
                + "(--survey-secret, RAPPORT_SURVEY_SECRET or rapport.surveys.<name>.secret): survey links use a random "
                + "one for this run. Links already sent keep working, since the database keeps their tokens.");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
