package dev.rapport.core.testing;

import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders of valid domain input and a Rapport on a fresh database, for tests to vary what they are about. */
public final class Fixtures {
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    /** A builder of a Rapport on a brand-new database of {@code db}, reading time from {@code clock}. */
    public static RapportBuilder builder(TestDatabase db, Clock clock) {
        return builder(db.fresh(), clock);
    }

    /**
     * A builder of a Rapport on an existing database. The background SLA and follow-up scans, the search readings'
     * backfill and channel reading are off: tests raise alarms with {@link Rapport#runDueWork()} and read channels
     * with {@code inbox().pollNow()} when they say so.
     */
    public static RapportBuilder builder(DatabaseCoordinates coordinates, Clock clock) {
        var builder = Rapport.builder().clock(clock).jdbcUrl(coordinates.url()).slaScanInterval(Duration.ZERO)
                .followUpScanInterval(Duration.ZERO).readingsBackfillInterval(Duration.ZERO).pollChannels(false);
        if (coordinates.user() != null) {
            builder.jdbcCredentials(coordinates.user(), coordinates.password() == null ? "" : coordinates.password());
        }
        return builder;
    }

    /**
     * A valid organisation with one contact reachable by phone and e-mail. Each has a phone, an e-mail and a name of
     * its own, far enough from the others' not to look like a duplicate ("Northwind Qfk", "Northwind Dwm", …).
     */
    public static CustomerProfile.Builder aCustomer() {
        int n = SEQUENCE.incrementAndGet();
        return CustomerProfile.builder().kind(CustomerKind.ORGANIZATION).name("Northwind " + token(n))
                .industry("Retail")
                .contact(ContactDraft.of("Anna Schmidt", "138%04d5678".formatted(n % 10_000),
                        "anna" + n + "@northwind.example"));
    }

    /** Three letters, the first two different for any two of a few hundred consecutive numbers. */
    private static String token(int n) {
        int value = Math.floorMod(n * 7919, 26 * 26 * 26);
        return "" + (char) ('A' + value / 676) + (char) ('a' + value / 26 % 26) + (char) ('a' + value % 26);
    }

    public static Customer customer(Rapport rapport) {
        return rapport.customers().create(Actor.system(), aCustomer().build());
    }

    /** A valid routine complaint (urgent and important unless changed) of {@code customer}. */
    public static OpenTicket.Builder aTicket(CustomerId customer) {
        return OpenTicket.builder().customer(customer).type("COMPLAINT").urgent(true).important(true)
                .title("Orders stopped syncing").description("Since 09:00 no order reaches the warehouse.");
    }

    /** A new active user with {@code role} in {@code department}. */
    public static User user(Rapport rapport, Role role, String department) {
        var tier = Role.EXPERT.equals(role) ? Tier.EXPERT : Role.ACCOUNT_MANAGER.equals(role) ? Tier.ACCOUNT_MANAGER : Tier.FRONT_LINE;
        return rapport.users().create(Actor.system(), new NewUser(role.name().toLowerCase() + SEQUENCE.incrementAndGet(),
                "Test " + role, DepartmentId.of(department), Set.of(role), tier, PASSWORD));
    }

    public static Actor actor(Rapport rapport, Role role, String department) {
        return Actor.of(user(rapport, role, department));
    }
}
