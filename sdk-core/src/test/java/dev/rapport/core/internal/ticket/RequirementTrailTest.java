package dev.rapport.core.internal.ticket;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.RecordException;
import dev.rapport.api.ticket.RequirementTrailEntry;
import dev.rapport.api.ticket.RequirementTrailEntry.Kind;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** SPEC §4: a CHANGE_REQUEST keeps a trail of requirement changes linked to earlier tickets. */
class RequirementTrailTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;
    private CustomerId customer;

    private void start(TestDatabase db) {
        rapport = rapports.start(db);
        customer = customer(rapport).id();
    }

    @StorageTest
    void aFollowUpChangeRequestShowsTheEarlierOnesAndEveryRequirementChangeInTimeOrder(TestDatabase db) {
        start(db);
        var first = open("CHANGE_REQUEST", "Add a CSV export");
        first = except(first, ExceptionKind.REQUIREMENT_CHANGE, "Also needs Excel files");
        first = except(first, ExceptionKind.RESOURCE_CONFLICT, "Developer on holiday");
        var complaint = open("COMPLAINT", "The export is slow", first.id());
        var followUp = open("CHANGE_REQUEST", "Speed up the export", complaint.id());
        followUp = except(followUp, ExceptionKind.REQUIREMENT_CHANGE, "Only for files above 10 MB");

        var trail = rapport.tickets().get(Actor.system(), followUp.id()).requirementTrail();

        assertThat(trail).extracting(RequirementTrailEntry::kind, RequirementTrailEntry::ticketId,
                        RequirementTrailEntry::summary, RequirementTrailEntry::at)
                .containsExactly(
                        tuple(Kind.CHANGE_REQUEST, first.id(), "Add a CSV export", T0),
                        tuple(Kind.REQUIREMENT_CHANGE, first.id(), "Also needs Excel files", T0.plus(hours(1))),
                        tuple(Kind.REQUIREMENT_CHANGE, followUp.id(), "Only for files above 10 MB",
                                T0.plus(hours(5))));
        assertThat(trail.getLast().ticketNumber()).isEqualTo(followUp.number());
        assertThat(rapport.tickets().get(Actor.system(), first.id()).requirementTrail())
                .extracting(RequirementTrailEntry::summary).containsExactly("Also needs Excel files");
    }

    @StorageTest
    void otherTypesKeepNoTrail(TestDatabase db) {
        start(db);
        var earlier = open("CHANGE_REQUEST", "Add a CSV export");
        var complaint = except(open("COMPLAINT", "The export is missing", earlier.id()),
                ExceptionKind.REQUIREMENT_CHANGE, "Wants Excel instead");

        assertThat(rapport.tickets().get(Actor.system(), complaint.id()).requirementTrail()).isEmpty();
    }

    @StorageTest
    void theTrailFollowsAtMostFiftyLinkedTicketsTheNearestFirst(TestDatabase db) {
        start(db);
        var chain = new ArrayList<Ticket>();
        chain.add(open("CHANGE_REQUEST", "Change 0"));
        for (int i = 1; i <= RequirementTrail.MAX_LINKED + 2; i++) {
            chain.add(open("CHANGE_REQUEST", "Change " + i, chain.getLast().id()));
        }

        var trail = rapport.tickets().get(Actor.system(), chain.getLast().id()).requirementTrail();

        assertThat(trail).hasSize(RequirementTrail.MAX_LINKED);
        assertThat(trail.getFirst().summary()).isEqualTo("Change 2");
        assertThat(trail.getLast().summary()).isEqualTo("Change " + (RequirementTrail.MAX_LINKED + 1));
    }

    /** A ticket of {@code type} opened an hour after the previous step, linked to {@code related}. */
    private Ticket open(String type, String title, TicketId... related) {
        var builder = aTicket(customer).type(type).title(title);
        for (TicketId id : related) {
            builder.relatedTo(id);
        }
        var ticket = rapport.tickets().open(Actor.system(), builder.build());
        clock.advance(hours(1));
        return ticket;
    }

    /** The ticket after an exception recorded now, an hour before the next step. */
    private Ticket except(Ticket ticket, ExceptionKind kind, String description) {
        var changed = rapport.tickets().recordException(Actor.system(), ticket.id(), new RecordException(
                ticket.version(), kind, description, "Confirmed with the customer by e-mail", Optional.empty()));
        clock.advance(hours(1));
        return changed;
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }
}
