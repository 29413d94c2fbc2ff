package dev.rapport.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.server.WebFormProof;
import dev.rapport.server.crash.WebhookReceiver.Notification;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged servers on one PostgreSQL, as docs/operations.md's "Several nodes" deploys them, under a bounded load
 * of concurrent customer, ticket and progress writes spread over both; one node is killed with SIGKILL mid-run and
 * started again. Afterwards every acknowledged write is there, every event reached the webhook (a repeat only for a
 * delivery under way when the node died, as at-least-once delivery allows), every SLA alarm and every follow-up was
 * raised once although both nodes scanned for them, an attachment uploaded through one node downloads through the
 * other, and the sign-in throttle and the web form's rate limit count across the nodes.
 */
class TwoNodesIT {
    private static final int CLIENTS_PER_NODE = 4;
    private static final int DUE_TICKETS = 40;
    private static final Eventually DELIVERY = Eventually.within(Duration.ofSeconds(90));
    private static final Duration WEB_FORM_RATE_WINDOW = Duration.ofHours(1);
    private static final Duration WEB_FORM_RATE_WINDOW_MARGIN = Duration.ofMinutes(1);

    @TempDir
    Path directory;

    @Test
    void twoNodesOnOneDatabaseShareTheWorkAndLoseNothingWhenOneIsKilled() throws Exception {
        long seed = System.nanoTime();
        var random = new Random(seed);
        var database = TestDatabase.POSTGRES.fresh();
        var ledger = new Ledger();
        try (var receiver = new WebhookReceiver()) {
            Path config = configFile(receiver.uri());
            var a = start("a", 1, database, config);
            var b = start("b", 1, database, config);

            // Eight clients over both nodes; node a dies after a random number of acknowledged writes.
            var onA = Workload.start(CLIENTS_PER_NODE, a.uri(), "a", ledger, seed);
            var onB = Workload.start(CLIENTS_PER_NODE, b.uri(), "b", ledger, seed + CLIENTS_PER_NODE);
            int killAt = 40 + random.nextInt(60);
            Eventually.until(killAt + " acknowledged writes (seed " + seed + ")", () -> ledger.writes() >= killAt);
            a.kill();
            Instant killed = Instant.now();
            onA.awaitStopped();

            // Node b carried on alone; node a comes back and takes clients again.
            var restarted = start("a", 2, database, config);
            var onRestarted = Workload.start(CLIENTS_PER_NODE, restarted.uri(), "a2", ledger, seed + 2L * CLIENTS_PER_NODE);
            int more = ledger.writes() + 40;
            Eventually.until(more + " acknowledged writes (seed " + seed + ")", () -> ledger.writes() >= more);
            onRestarted.stop();
            onB.stop();
            assertThat(ledger.unexpectedAnswers()).as("answers other than success").isEmpty();

            assertAnAttachmentTravelsBetweenTheNodes(restarted.uri(), b.uri());
            assertTheSignInThrottleCountsAcrossTheNodes(restarted.uri(), b.uri());
            assertTheWebFormRateLimitCountsAcrossTheNodes(restarted.uri(), b.uri());

            // SLA deadlines fall due on both nodes at once, and then the 3- and 7-day follow-ups.
            var dueTickets = openP1Tickets(restarted.uri(), b.uri(), ledger);
            advanceBothClocks(restarted.uri(), b.uri(), "PT35M");
            DELIVERY.waitUntil("an SLA alarm for every due ticket", () -> alarmedTickets(receiver).containsAll(dueTickets));
            advanceBothClocks(restarted.uri(), b.uri(), "P8D");
            DELIVERY.waitUntil("follow-ups falling due", () -> !ofType(receiver, "FollowUpDue").isEmpty());

            Acknowledged.assertEveryWriteIsThere(ServerApi.login(b.uri(), "supervisor"), ledger);
            Acknowledged.assertEveryWriteIsThere(ServerApi.login(restarted.uri(), "supervisor"), ledger);
            Acknowledged.awaitTheEventsOf(ledger, receiver);
            Acknowledged.awaitNothingLeftToDeliver(b.uri());
            restarted.stop();
            b.stop();

            Acknowledged.assertNothingGivenTwice(ledger);
            Acknowledged.assertEveryOutboxEventDelivered(database, receiver);
            assertEachRaisedOnce(receiver);
            assertRepeatsOnlyOfDeliveriesUnderWayAt(killed, receiver);
        }
    }

    private ServerProcess start(String node, int run, DatabaseCoordinates database, Path config) throws IOException {
        Path data = Files.createDirectories(directory.resolve("data-" + node));
        return ServerProcess.start(data, Optional.of(database), config, directory.resolve(node + "-" + run + ".log"));
    }

    /** The servers' settings: the test's webhook as a notifier, and a web form limit of three posts per address. */
    private Path configFile(URI webhook) throws IOException {
        return Files.writeString(directory.resolve("rapport.properties"), String.join("\n",
                "rapport.notifiers.two-nodes.type=webhook",
                "rapport.notifiers.two-nodes.url=" + webhook,
                "rapport.notifiers.two-nodes.secret=two-nodes-secret-0123456789abcdef0123456789",
                "rapport.notifiers.two-nodes.timeout=5s",
                "rapport.notifiers.two-nodes.backoff-base=200ms",
                "rapport.notifiers.two-nodes.backoff-cap=1s",
                "rapport.events.poll-interval=200ms",
                "rapport.channels.webform.rate-limit=3",
                "rapport.channels.webform.rate-window=" + WEB_FORM_RATE_WINDOW.toMinutes() + "m",
                ""));
    }

    private static void assertAnAttachmentTravelsBetweenTheNodes(URI one, URI other) throws IOException {
        var agent = ServerApi.login(one, "agent");
        var customer = agent.get("/api/v1/customers?q=Northwind").require(200).body().at("/items/0/id").asText();
        var ticket = agent.post("/api/v1/tickets", ServerApi.object().put("customerId", customer)
                .put("type", "CONSULTATION").put("description", "The manual, attached").put("priority", "P3"))
                .require(201).text("id");
        byte[] pdf = new byte[300_000];
        new Random(7).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        String attachments = "/api/v1/tickets/" + ticket + "/attachments";
        var uploaded = agent.upload(attachments, "application/pdf", "manual.pdf", pdf).require(201);

        byte[] downloaded = ServerApi.login(other, "agent").download(attachments + "/" + uploaded.text("id"));

        assertThat(downloaded).as("the attachment downloaded through the other node").isEqualTo(pdf);
    }

    /**
     * Wrong passwords for one account, alternating between the nodes. Counted per node, neither would refuse before
     * its own fourth failure (the ninth attempt); counted in the database, the fifth attempt is refused, or the sixth
     * when the machine was so slow that the first pause (2 s) had passed.
     */
    private static void assertTheSignInThrottleCountsAcrossTheNodes(URI one, URI other) throws IOException {
        var statuses = new ArrayList<Integer>();
        for (int attempt = 0; attempt < 6 && !statuses.contains(429); attempt++) {
            var node = ServerApi.anonymous(attempt % 2 == 0 ? one : other);
            statuses.add(node.post("/api/v1/auth/login", ServerApi.object().put("employeeId", "expert")
                    .put("password", "not-the-password-" + attempt)).status());
        }
        assertThat(statuses).as("sign-in answers alternating between the nodes").startsWith(401, 401, 401, 401)
                .endsWith(429);
    }

    /**
     * Four web form posts from one address alternating between the nodes: counted in the database, the fourth is over
     * the limit of three. Rate windows are fixed and aligned to the epoch, so the posts start with at least a minute
     * of the window left: four posts that straddled a window's end would all be let through.
     */
    private static void assertTheWebFormRateLimitCountsAcrossTheNodes(URI one, URI other) throws IOException {
        long window = WEB_FORM_RATE_WINDOW.toMillis();
        Eventually.within(WEB_FORM_RATE_WINDOW_MARGIN.multipliedBy(2)).waitUntil("a rate window with a minute to go",
                () -> window - Math.floorMod(System.currentTimeMillis(), window)
                        >= WEB_FORM_RATE_WINDOW_MARGIN.toMillis());
        var statuses = new ArrayList<Integer>();
        for (int post = 0; post < 4; post++) {
            String message = "Where is my parcel? (" + post + ")";
            var form = ServerApi.object().put("email", "li.na@example.cn").put("message", message)
                    .put("proof", WebFormProof.of(message, LocalDate.now(ZoneOffset.UTC)));
            statuses.add(ServerApi.anonymous(post % 2 == 0 ? one : other).post("/api/v1/public/webform", form).status());
        }
        assertThat(statuses).as("web form posts from one address alternating between the nodes")
                .containsExactly(202, 202, 202, 429);
    }

    /** Urgent and important tickets opened through both nodes, whose first response falls due within 30 minutes. */
    private static Set<String> openP1Tickets(URI one, URI other, Ledger ledger) throws Exception {
        var agents = List.of(ServerApi.login(one, "agent"), ServerApi.login(other, "agent"));
        var profile = ServerApi.object().put("kind", "ORGANIZATION").put("name", "Two Nodes SLA")
                .put("industry", "Retail").put("source", "REFERRAL");
        profile.putArray("contacts").addObject().put("name", "Contact SLA").put("email", "sla@two-nodes.example");
        var customer = agents.getFirst().post("/api/v1/customers?allowDuplicate=true", profile).require(201);
        ledger.customerCreated(customer.text("id"), customer.text("code"));
        var pool = Executors.newFixedThreadPool(2 * CLIENTS_PER_NODE);
        try {
            var opened = IntStream.range(0, DUE_TICKETS).mapToObj(i -> pool.submit(() -> {
                var ticket = agents.get(i % 2).post("/api/v1/tickets", ServerApi.object()
                        .put("customerId", customer.text("id")).put("type", "CONSULTATION")
                        .put("description", "Due soon " + i).put("priority", "P1")).require(201);
                ledger.ticketOpened(ticket.text("id"), ticket.text("number"), ticket.body().get("version").asLong());
                return ticket.text("id");
            })).toList();
            var ids = new java.util.HashSet<String>();
            for (var ticket : opened) {
                ids.add(ticket.get(2, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Moves both nodes' demo clocks at once: each runs its due work, racing the other for the same tickets. The admin
     * signs in to each node first, one after the other: the sign-in throttle takes one attempt of an id from one
     * address at a time.
     */
    private static void advanceBothClocks(URI one, URI other, String duration) {
        var admins = List.of(ServerApi.login(one, "admin"), ServerApi.login(other, "admin"));
        var moves = admins.stream().map(admin -> CompletableFuture.runAsync(() -> {
            try {
                admin.post("/api/v1/demo/clock/advance", ServerApi.object().put("duration", duration)).require(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).toList();
        moves.forEach(CompletableFuture::join);
    }

    /** Each SLA alarm, each follow-up falling due and each follow-up planned reached the webhook from one node only. */
    private static void assertEachRaisedOnce(WebhookReceiver receiver) {
        assertThat(ofType(receiver, "SlaAlarmRaised").stream().map(alarm -> alarm.subjectId() + " "
                + alarm.event().get("target").asText() + " " + alarm.event().get("alarm").asText()).toList())
                .as("SLA alarms, each raised once").isNotEmpty().doesNotHaveDuplicates();
        assertThat(ofType(receiver, "FollowUpDue").stream().map(Notification::subjectId).toList())
                .as("follow-ups falling due, each announced once").isNotEmpty().doesNotHaveDuplicates();
        assertThat(ofType(receiver, "FollowUpScheduled").stream().map(TwoNodesIT::plannedContact).toList())
                .as("follow-ups planned, each once").isNotEmpty().doesNotHaveDuplicates();
    }

    /** What makes a planned follow-up the same contact: its kind, customer, ticket and day. */
    private static String plannedContact(Notification scheduled) {
        JsonNode event = scheduled.event();
        return event.get("kind").asText() + " " + event.get("customerId").asText() + " "
                + Optional.ofNullable(event.get("ticketId")).map(JsonNode::asText).orElse("-") + " "
                + event.get("dueAt").asText().substring(0, 10);
    }

    /**
     * At-least-once delivery: a notification may come twice only when the node that was delivering it died, so every
     * repeat was first answered before the kill (the other node takes over after the lease), and none thrice.
     */
    private static void assertRepeatsOnlyOfDeliveriesUnderWayAt(Instant killed, WebhookReceiver receiver) {
        var repeated = receiver.answeredMoreThanOnce();
        assertThat(repeated.values()).as("first answers of repeated notifications").allMatch(first -> first.isBefore(killed));
        assertThat(repeated.keySet()).as("notifications answered more than twice")
                .allMatch(position -> receiver.timesAnswered(position) == 2);
    }

    private static List<Notification> ofType(WebhookReceiver receiver, String type) {
        return receiver.answered().stream().filter(n -> n.type().equals(type)).toList();
    }

    private static Set<String> alarmedTickets(WebhookReceiver receiver) {
        return ofType(receiver, "SlaAlarmRaised").stream().map(Notification::subjectId).collect(Collectors.toSet());
    }
}
