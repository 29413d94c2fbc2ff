package dev.rapport.server.crash;

import dev.rapport.server.crash.WebhookReceiver.Notification;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing the server acknowledged is lost when its process is killed (SIGKILL: no shutdown hook, no flush) at any
 * moment, on the default embedded H2 file and on PostgreSQL. The packaged server runs as a child process in demo mode
 * with a webhook notifier that reports to this test, and is killed twice on the same data:
 * <ol>
 *   <li>after a random number of acknowledged writes from eight clients, while an event delivery is under way;</li>
 *   <li>during an SLA scan, after its first batch of alarms has committed and while the next is being raised.</li>
 * </ol>
 * After each restart every acknowledged write is there with its audit entry and its event, no ticket number or
 * customer code was given twice, every event in the outbox reaches the notifier, every SLA alarm is raised once, and
 * the restart logs no error.
 */
class CrashSafetyIT {
    private static final int CLIENTS = 8;
    /** Three SLA scan batches' worth (200 each), so a kill after the first batch lands in the middle of the scan. */
    private static final int DUE_TICKETS = 450;
    private static final Eventually DELIVERY = Eventually.within(Duration.ofSeconds(90));

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    void everyAcknowledgedWriteSurvivesTheServerBeingKilled(TestDatabase kind) throws Exception {
        long seed = System.nanoTime();
        var random = new Random(seed);
        Path data = Files.createDirectories(directory.resolve("data"));
        Optional<DatabaseCoordinates> database = kind == TestDatabase.H2 ? Optional.empty()
                : Optional.of(kind.fresh());
        var ledger = new Ledger();
        try (var receiver = new WebhookReceiver()) {
            Path config = configFile(receiver.uri());
            var servers = new Servers(data, database, config);

            // 1. Eight clients write; deliveries are held from some point on; the kill lands after N acknowledgements.
            var first = servers.start();
            int holdAt = 20 + random.nextInt(40);
            int killAt = holdAt + 10 + random.nextInt(50);
            var workload = Workload.start(CLIENTS, first.uri(), "first", ledger, seed);
            Eventually.until(holdAt + " acknowledged writes (seed " + seed + ")", () -> ledger.writes() >= holdAt);
            receiver.hold();
            Eventually.until("a delivery under way", () -> !receiver.held().isEmpty());
            Eventually.until(killAt + " acknowledged writes (seed " + seed + ")", () -> ledger.writes() >= killAt);
            first.kill();
            workload.awaitStopped();
            var heldWhenKilled = receiver.held();
            receiver.answer();

            var second = servers.start();
            assertThat(ledger.unexpectedAnswers()).as("answers other than success before the kill").isEmpty();
            Acknowledged.assertEveryWriteIsThere(ServerApi.login(second.uri(), "supervisor"), ledger);
            Acknowledged.awaitTheEventsOf(ledger, receiver);
            heldWhenKilled.forEach(held -> DELIVERY.waitUntil("the event held when the server was killed, #"
                    + held.position(), () -> receiver.answered(held.position())));

            // 2. Tickets whose SLA falls due; the kill lands once the scan's first batch of alarms has committed.
            var dueTickets = openP1Tickets(second.uri(), ledger);
            // Events are delivered in order: the tickets' own come first, so that the alarms then come at once.
            Acknowledged.awaitTheEventsOf(ledger, receiver);
            receiver.onFirst("SlaAlarmRaised", second::kill);
            var scan = CompletableFuture.supplyAsync(() -> scanCompleted(second.uri()));
            Eventually.until("the server killed at its first SLA alarm", () -> !second.alive());
            assertThat(scan.get(1, TimeUnit.MINUTES)).as("the scan finished before the server was killed").isFalse();

            var third = servers.start();
            // The demo clock starts again from the real time: move it as far as before, and a little more.
            advanceDemoClock(third.uri(), "PT36M");
            DELIVERY.waitUntil("an SLA alarm for every due ticket",
                    () -> alarmedTickets(receiver).containsAll(dueTickets));
            assertEachAlarmRaisedOnce(receiver);
            Acknowledged.assertEveryWriteIsThere(ServerApi.login(third.uri(), "supervisor"), ledger);
            Acknowledged.awaitTheEventsOf(ledger, receiver);
            Acknowledged.awaitNothingLeftToDeliver(third.uri());
            third.stop();

            assertThat(ledger.unexpectedAnswers()).as("answers other than success").isEmpty();
            Acknowledged.assertNothingGivenTwice(ledger);
            Acknowledged.assertEveryOutboxEventDelivered(database.orElseGet(() -> new DatabaseCoordinates(
                    "jdbc:h2:file:" + data.toAbsolutePath().resolve("rapport"), "", "")), receiver);
            servers.assertRestartsWereClean();
        }
    }

    /** The server's settings: the test's webhook as a notifier, retried soon, and deliveries leased briefly. */
    private Path configFile(URI webhook) throws IOException {
        return Files.writeString(directory.resolve("rapport.properties"), String.join("\n",
                "rapport.notifiers.crash-test.type=webhook",
                "rapport.notifiers.crash-test.url=" + webhook,
                "rapport.notifiers.crash-test.secret=crash-test-secret-0123456789abcdef0123456789",
                "rapport.notifiers.crash-test.timeout=2s",
                "rapport.notifiers.crash-test.backoff-base=200ms",
                "rapport.notifiers.crash-test.backoff-cap=1s",
                "rapport.events.poll-interval=200ms",
                ""));
    }

    private static List<String> openP1Tickets(URI server, Ledger ledger) throws Exception {
        var agent = ServerApi.login(server, "agent");
        var profile = ServerApi.object().put("kind", "ORGANIZATION").put("name", "Crash Test SLA")
                .put("industry", "Retail").put("source", "REFERRAL");
        profile.putArray("contacts").addObject().put("name", "Contact SLA").put("email", "sla@crash.example");
        var customer = agent.post("/api/v1/customers?allowDuplicate=true", profile).require(201);
        ledger.customerCreated(customer.text("id"), customer.text("code"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
        try {
            var opened = IntStream.range(0, DUE_TICKETS).mapToObj(i -> pool.submit(() -> {
                var ticket = agent.post("/api/v1/tickets", ServerApi.object().put("customerId", customer.text("id"))
                        .put("type", "CONSULTATION").put("description", "Due soon " + i).put("priority", "P1"))
                        .require(201);
                ledger.ticketOpened(ticket.text("id"), ticket.text("number"), ticket.body().get("version").asLong());
                return ticket.text("id");
            })).toList();
            var ids = new ArrayList<String>();
            for (var ticket : opened) {
                ids.add(ticket.get(2, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /** Moves the demo clock past the tickets' SLA, which runs the scan; false when the server died first. */
    private static boolean scanCompleted(URI server) {
        var admin = ServerApi.login(server, "admin");
        try {
            admin.post("/api/v1/demo/clock/advance", ServerApi.object().put("duration", "PT35M")).require(200);
            return true;
        } catch (IOException killed) {
            return false;
        }
    }

    private static int advanceDemoClock(URI server, String duration) {
        try {
            return ServerApi.login(server, "admin").post("/api/v1/demo/clock/advance",
                    ServerApi.object().put("duration", duration)).require(200).body().get("slaAlarms").asInt();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertEachAlarmRaisedOnce(WebhookReceiver receiver) {
        var raised = alarms(receiver).stream().map(alarm -> alarm.subjectId() + " "
                + alarm.event().get("target").asText() + " " + alarm.event().get("alarm").asText()).toList();
        assertThat(raised).as("SLA alarms, each raised once").doesNotHaveDuplicates();
    }

    private static List<Notification> alarms(WebhookReceiver receiver) {
        return receiver.answered().stream().filter(n -> n.type().equals("SlaAlarmRaised")).toList();
    }

    private static Set<String> alarmedTickets(WebhookReceiver receiver) {
        return alarms(receiver).stream().map(Notification::subjectId).collect(Collectors.toSet());
    }

    /** The server processes of one run, started one after another on the same data, each with its own log. */
    private final class Servers {
        private final Path data;
        private final Optional<DatabaseCoordinates> database;
        private final Path config;
        private final List<ServerProcess> started = new ArrayList<>();

        Servers(Path data, Optional<DatabaseCoordinates> database, Path config) {
            this.data = data;
            this.database = database;
            this.config = config;
        }

        ServerProcess start() {
            var server = ServerProcess.start(data, database, config,
                    directory.resolve("server-" + (started.size() + 1) + ".log"));
            started.add(server);
            return server;
        }

        /** A restart after a kill recovers without an error or a stack trace in its log. */
        void assertRestartsWereClean() {
            for (var restart : started.subList(1, started.size())) {
                assertThat(restart.output().lines().filter(line -> line.contains(" SEVERE ")
                        || line.contains(" ERROR ") || line.startsWith("\tat ") || line.contains("Exception")))
                        .as("errors in the log of a restart").isEmpty();
            }
        }
    }
}
