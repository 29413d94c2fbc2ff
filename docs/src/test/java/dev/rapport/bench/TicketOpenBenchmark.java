package dev.rapport.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.Rapport;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * "Open a ticket" through the SDK against a raw-JDBC baseline that writes the same rows (ticket, audit entry, outbox
 * event) in one transaction, on H2 and on PostgreSQL, in one process. After a warm-up of each, rounds of the two
 * alternate so both see the same table sizes; the median round of each counts. Not a test: run it with
 * {@code mvn -B -q -Pbench -DskipTests verify -pl docs -am}.
 */
public final class TicketOpenBenchmark {
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 8));
    private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("bench.round-seconds", 3));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    private static final IdGenerator IDS = new IdGenerator(Clock.systemUTC());

    private record Result(String database, double sdkOpsPerSecond, double rawOpsPerSecond) {
        double ratio() {
            return sdkOpsPerSecond / rawOpsPerSecond;
        }
    }

    public static void main(String[] args) throws Exception {
        var results = new ArrayList<Result>();
        for (var db : TestDatabase.values()) {
            results.add(measure(db));
        }
        System.out.println();
        System.out.printf("%-10s %14s %14s %8s%n", "database", "sdk ops/s", "raw ops/s", "sdk/raw");
        results.forEach(r -> System.out.printf("%-10s %14.0f %14.0f %8.2f%n",
                r.database(), r.sdkOpsPerSecond(), r.rawOpsPerSecond(), r.ratio()));
        System.out.printf("ticket-open sdk/raw h2=%.2f pg=%.2f%n", results.get(0).ratio(), results.get(1).ratio());
        System.exit(0); // the embedded PostgreSQL stops in its shutdown hook
    }

    private static Result measure(TestDatabase db) throws Exception {
        try (var dataSource = pool(db.fresh()); var rapport = Rapport.builder().dataSource(dataSource).build()) {
            var customer = rapport.customers().create(Actor.system(), CustomerProfile.builder()
                    .kind(CustomerKind.ORGANIZATION).name("Benchmark Ltd").industry("Retail")
                    .contact(ContactDraft.of("Anna", "13812345678", "anna@bench.example")).build());
            var request = OpenTicket.builder().customer(customer.id()).type("COMPLAINT").urgent(true).important(true)
                    .title("Orders stopped syncing").description("Since 09:00 no order reaches the warehouse.").build();
            Runnable sdk = () -> rapport.tickets().open(Actor.system(), request);
            boolean postgres = db == TestDatabase.POSTGRES;
            Runnable raw = () -> openRaw(dataSource, postgres, customer.id());

            warmUp(sdk);
            warmUp(raw);
            double[] sdkRounds = new double[ROUNDS];
            double[] rawRounds = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                sdkRounds[round] = run(sdk);
                rawRounds[round] = run(raw);
            }
            var result = new Result(db.name(), median(sdkRounds), median(rawRounds));
            System.out.printf("%s: sdk %s ops/s, raw %s ops/s%n", db, Arrays.toString(round(sdkRounds)), Arrays.toString(round(rawRounds)));
            return result;
        }
    }

    /** Runs {@code op} for {@link #WARMUP}, so that the JIT has compiled its paths before anything counts. */
    private static void warmUp(Runnable op) {
        long end = System.nanoTime() + WARMUP.toNanos();
        while (System.nanoTime() < end) {
            op.run();
        }
    }

    /** Operations per second of {@code op} run on this thread for one {@link #ROUND}. */
    private static double run(Runnable op) {
        long start = System.nanoTime();
        long end = start + ROUND.toNanos();
        long ops = 0;
        while (System.nanoTime() < end) {
            op.run();
            ops++;
        }
        return ops / ((System.nanoTime() - start) / 1e9);
    }

    /** The rows the SDK writes when it opens a ticket, written with plain JDBC in one transaction. */
    static void openRaw(DataSource dataSource, boolean postgres, CustomerId customer) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String id = IDS.next(); // time-ordered like the SDK's: random ids would scatter B-tree inserts

            var now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
            long number;
            try (var next = c.prepareStatement(postgres ? "SELECT nextval('ticket_number_seq')" : "SELECT NEXT VALUE FOR ticket_number_seq");
                 ResultSet rs = next.executeQuery()) {
                rs.next();
                number = rs.getLong(1);
            }
            try (PreparedStatement ticket = c.prepareStatement("""
                    INSERT INTO tickets (id, number, customer_id, contact_id, type, title, description, priority, urgent,
                        important, channel, status, department_id, assignee_id, first_response_due, resolution_due,
                        next_update_due, sla_paused_since, related_ticket_ids, resolution_solution, resolution_via,
                        resolved_by, resolved_at, created_by, created_at, updated_at, first_responded_at, closed_at, version,
                        escalation, owner_id, sla_calendar, sla_update_cadence, first_response_warn_at,
                        resolution_warn_at, next_update_warn_at, sla_running, sla_raised, sla_next_alarm_at, sla_due_at,
                        sla_warn_at)
                    VALUES (?, ?, ?, NULL, 'COMPLAINT', ?, ?, 'P1', TRUE, TRUE, 'OTHER', 'NEW', 'after-sales', NULL, ?, ?, ?,
                        NULL, '[]', NULL, NULL, NULL, NULL, 'system', ?, ?, NULL, NULL, 1, 'FRONT_LINE', NULL, '24x7',
                        'PT2H', ?, ?, ?, 'FIRST_RESPONSE,RESOLUTION', '', ?, ?, ?)""")) {
                ticket.setString(1, id);
                ticket.setString(2, "T2026" + "%06d".formatted(number));
                ticket.setString(3, customer.value());
                ticket.setString(4, "Orders stopped syncing");
                ticket.setString(5, "Since 09:00 no order reaches the warehouse.");
                ticket.setObject(6, now.plusMinutes(30));
                ticket.setObject(7, now.plusHours(24));
                ticket.setObject(8, now.plusMinutes(30));
                ticket.setObject(9, now);
                ticket.setObject(10, now);
                ticket.setObject(11, now.plusMinutes(24));
                ticket.setObject(12, now.plusMinutes(1152));
                ticket.setObject(13, now.plusMinutes(24));
                ticket.setObject(14, now.plusMinutes(24));
                ticket.setObject(15, now.plusMinutes(30));
                ticket.setObject(16, now.plusMinutes(24));
                ticket.executeUpdate();
            }
            try (PreparedStatement audit = c.prepareStatement("""
                    INSERT INTO audit_log (subject_type, subject_id, recorded_at, actor_id, action, changes)
                    VALUES ('ticket', ?, ?, 'system', 'ticket.opened', ?)""")) {
                audit.setString(1, id);
                audit.setObject(2, now);
                audit.setString(3, "{\"status\":{\"before\":null,\"after\":\"NEW\"},\"priority\":{\"before\":null,\"after\":\"P1\"}}");
                audit.executeUpdate();
            }
            try (PreparedStatement outbox = c.prepareStatement("""
                    INSERT INTO outbox (event_type, subject_id, occurred_at, payload, delivered)
                    VALUES ('TicketCreated', ?, ?, ?, TRUE)""")) {
                // Written as fanned out so that the SDK's event delivery leaves the baseline's rows alone; that spares the
                // baseline the undelivered-index entry on PostgreSQL, so it can only flatter the baseline.
                outbox.setString(1, id);
                outbox.setObject(2, now);
                outbox.setString(3, "{\"ticketId\":\"" + id + "\",\"number\":\"T2026" + "%06d".formatted(number)
                        + "\",\"customerId\":\"" + customer.value() + "\",\"type\":\"COMPLAINT\",\"priority\":\"P1\","
                        + "\"departmentId\":\"after-sales\",\"occurredAt\":\"" + now + "\",\"actorId\":\"system\"}");
                outbox.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource pool(DatabaseCoordinates db) {
        var config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
