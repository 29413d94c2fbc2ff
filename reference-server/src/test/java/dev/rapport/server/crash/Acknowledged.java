package dev.rapport.server.crash;

import dev.rapport.server.crash.Ledger.AcknowledgedCustomer;
import dev.rapport.server.crash.Ledger.AcknowledgedTicket;
import dev.rapport.server.crash.WebhookReceiver.Notification;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.testkit.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What a {@link Ledger} of acknowledged writes demands of a server after a crash: each write and its event there. */
final class Acknowledged {
    private static final Eventually DELIVERY = Eventually.within(Duration.ofSeconds(90));

    private Acknowledged() {
    }

    /** Each acknowledged write is there, at least as new as acknowledged, with its audit entries. */
    static void assertEveryWriteIsThere(ServerApi api, Ledger ledger) {
        for (AcknowledgedCustomer customer : ledger.customers()) {
            var stored = api.read("/api/v1/customers/" + customer.id());
            assertThat(stored.get("code").asText()).as("code of customer %s", customer.id()).isEqualTo(customer.code());
            var history = actions(api.read("/api/v1/customers/" + customer.id() + "/history"));
            assertThat(history).as("audit of customer %s", customer.id()).contains("customer.created");
            customer.namesByVersion().keySet().stream().max(Long::compare).ifPresent(last -> {
                long version = stored.get("version").asLong();
                assertThat(version).as("version of customer %s", customer.id()).isGreaterThanOrEqualTo(last);
                if (version == last) {
                    assertThat(stored.get("name").asText()).isEqualTo(customer.namesByVersion().get(last));
                }
                assertThat(history.stream().filter("customer.updated"::equals).count())
                        .as("audited edits of customer %s", customer.id())
                        .isGreaterThanOrEqualTo(customer.namesByVersion().size());
            });
        }
        for (AcknowledgedTicket ticket : ledger.tickets()) {
            var stored = api.read("/api/v1/tickets/" + ticket.id());
            assertThat(stored.get("number").asText()).as("number of ticket %s", ticket.id()).isEqualTo(ticket.number());
            assertThat(stored.get("version").asLong()).as("version of ticket %s", ticket.id())
                    .isGreaterThanOrEqualTo(ledger.ticketVersion(ticket.id()));
            var progress = StreamSupport.stream(stored.get("progress").spliterator(), false)
                    .map(entry -> entry.get("action").asText()).toList();
            assertThat(progress).as("progress of ticket %s", ticket.id()).containsAll(ticket.progress());
            var history = actions(api.read("/api/v1/tickets/" + ticket.id() + "/history"));
            assertThat(history).as("audit of ticket %s", ticket.id()).contains("ticket.opened");
            assertThat(history.stream().filter("ticket.progress"::equals).count())
                    .as("audited progress of ticket %s", ticket.id()).isGreaterThanOrEqualTo(ticket.progress().size());
            if (ledger.assigned(ticket.id())) {
                assertThat(history).as("audit of ticket %s", ticket.id()).contains("ticket.assigned");
            }
        }
    }

    /** Each acknowledged write's event reaches the notifier: its type on its subject, as often as it was written. */
    static void awaitTheEventsOf(Ledger ledger, WebhookReceiver receiver) {
        DELIVERY.waitUntilAsserted("the event of every acknowledged write", () -> {
            var bySubject = receiver.answered().stream().collect(Collectors.groupingBy(Notification::subjectId));
            for (AcknowledgedCustomer customer : ledger.customers()) {
                var events = bySubject.getOrDefault(customer.id(), List.of());
                assertThat(types(events)).as("events of customer %s", customer.id()).contains("CustomerCreated");
                var versions = events.stream().filter(e -> e.type().equals("CustomerUpdated"))
                        .map(e -> e.event().get("version").asLong()).collect(Collectors.toSet());
                assertThat(versions).as("versions announced of customer %s", customer.id())
                        .containsAll(customer.namesByVersion().keySet());
            }
            for (AcknowledgedTicket ticket : ledger.tickets()) {
                var types = types(bySubject.getOrDefault(ticket.id(), List.of()));
                assertThat(types).as("events of ticket %s", ticket.id()).contains("TicketCreated");
                assertThat(types.stream().filter("ProgressAdded"::equals).count())
                        .as("progress announced of ticket %s", ticket.id()).isGreaterThanOrEqualTo(ticket.progress().size());
                if (ledger.assigned(ticket.id())) {
                    assertThat(types).as("events of ticket %s", ticket.id()).contains("TicketAssigned");
                }
            }
        });
    }

    /**
     * Waits until the shared database has nothing left to deliver (the servers' {@code rapport_outbox_backlog}, which
     * {@code node} reads at most 5 s old). A delivery a killed node had claimed waits for that claim to lapse (twice
     * its subscriber's time box: 20 s for the in-app notices) before a live node takes it, which may be after the
     * webhook's events all arrived.
     */
    static void awaitNothingLeftToDeliver(URI node) {
        DELIVERY.waitUntil("nothing left to deliver at " + node, () -> backlog(node) == 0);
    }

    private static double backlog(URI node) {
        try (var client = HttpClient.newHttpClient()) {
            var metrics = client.send(HttpRequest.newBuilder(node.resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("rapport_outbox_backlog"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElse(Double.NaN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** No ticket number or customer code was given twice. */
    static void assertNothingGivenTwice(Ledger ledger) {
        assertThat(ledger.tickets()).extracting(AcknowledgedTicket::number).doesNotHaveDuplicates();
        assertThat(ledger.customers()).extracting(AcknowledgedCustomer::code).doesNotHaveDuplicates();
    }

    /** Read from the database itself once the servers have stopped: every event there reached the notifier. */
    static void assertEveryOutboxEventDelivered(DatabaseCoordinates coordinates, WebhookReceiver receiver)
            throws SQLException {
        var positions = new HashSet<Long>();
        var undelivered = new ArrayList<String>();
        try (var connection = DriverManager.getConnection(coordinates.url(), coordinates.user(), coordinates.password());
             var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT position FROM outbox")) {
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                }
            }
            try (var rows = statement.executeQuery("SELECT position, subscriber, state FROM deliveries "
                    + "WHERE state <> 'DELIVERED' ORDER BY position")) {
                while (rows.next()) {
                    undelivered.add("#" + rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
        }
        var answered = receiver.answered().stream().map(Notification::position).collect(Collectors.toSet());
        assertThat(positions).as("outbox events in %s", coordinates.url()).isNotEmpty();
        assertThat(answered).as("outbox events the notifier got").containsAll(positions);
        assertThat(undelivered).as("deliveries left").isEmpty();
    }

    private static List<String> types(List<Notification> events) {
        return events.stream().map(Notification::type).toList();
    }

    private static List<String> actions(com.fasterxml.jackson.databind.JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(e -> e.get("action").asText()).toList();
    }
}
