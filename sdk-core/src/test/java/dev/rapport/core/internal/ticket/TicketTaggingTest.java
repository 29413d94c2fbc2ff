package dev.rapport.core.internal.ticket;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.audit.Change;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.TicketTagsChanged;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.TagTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTaggingTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T01:00:00Z"));
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;

    private void start(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).listener(heard));
    }

    @StorageTest
    void aTicketIsOpenedWithItsTagsTrimmedAndEachOnceIgnoringCase(TestDatabase db) {
        start(db);

        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id())
                .tags(List.of(" Invoice ", "发票", "INVOICE")).build());

        assertThat(ticket.tags()).containsExactly("Invoice", "发票");
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket().tags()).containsExactly("Invoice", "发票");
        assertThat(rapport.tickets().history(Actor.system(), ticket.id()).getFirst().changes())
                .containsEntry("tags", Change.of(null, "[Invoice, 发票]"));
    }

    @StorageTest
    void tooManyTooLongOrBlankTagsAreNamedAsTagsAndNothingIsStored(TestDatabase db) {
        start(db);
        var customer = customer(rapport);
        var eleven = IntStream.range(0, 11).mapToObj(i -> "tag-" + i).toList();

        for (var tags : List.of(eleven, List.of("x".repeat(41)), List.of("ok", "  "))) {
            var request = aTicket(customer.id()).tags(tags).build();
            assertThat(rapport.tickets().validate(Actor.system(), request)).extracting(FieldError::field)
                    .containsExactly("tags");
            assertThatThrownBy(() -> rapport.tickets().open(Actor.system(), request))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("tags"));
        }
        assertThat(rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first()).items()).isEmpty();
    }

    @StorageTest
    void tagsAreReplacedUnderTheVersionAuditedAnnouncedAndFoundIgnoringCase(TestDatabase db)
            throws InterruptedException {
        start(db);
        var agent = actor(rapport, Role.AGENT, "after-sales");
        var ticket = rapport.tickets().open(agent, aTicket(customer(rapport).id()).tag("invoice").build());

        var retagged = rapport.tickets().tag(agent, ticket.id(), new TagTicket(ticket.version(),
                List.of("Delivery", "invoice")));

        assertThat(retagged.tags()).containsExactly("Delivery", "invoice");
        assertThat(retagged.version()).isEqualTo(ticket.version() + 1);
        AuditEntry entry = rapport.tickets().history(agent, ticket.id()).getLast();
        assertThat(entry.action()).isEqualTo("ticket.tagged");
        assertThat(entry.changes()).containsEntry("tags", Change.of("[invoice]", "[Delivery, invoice]"));
        var event = heard.await(TicketTagsChanged.class, 1).getFirst();
        assertThat(event.tags()).containsExactly("Delivery", "invoice");
        assertThat(rapport.tickets().list(agent, TicketFilter.all().withTag("DELIVERY"), PageRequest.first()).items())
                .extracting(Ticket::id).containsExactly(ticket.id());
        assertThatThrownBy(() -> rapport.tickets().tag(agent, ticket.id(), new TagTicket(ticket.version(),
                List.of("lost"))))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ticket.version.stale"));
        var same = rapport.tickets().tag(agent, ticket.id(), new TagTicket(retagged.version(),
                List.of("Delivery", "invoice")));
        assertThat(same.version()).as("the same tags change nothing").isEqualTo(retagged.version());
        var cleared = rapport.tickets().tag(agent, ticket.id(), new TagTicket(retagged.version(), List.of()));
        assertThat(cleared.tags()).isEmpty();
    }

    @StorageTest
    void taggingIsWorkOnAnOpenTicketOfTheActorsDepartment(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        var outsider = actor(rapport, Role.AGENT, "finance");

        assertThatThrownBy(() -> rapport.tickets().tag(outsider, ticket.id(), new TagTicket(ticket.version(),
                List.of("mine")))).as("a ticket the outsider may not see").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.tickets().tag(Actor.system(), ticket.id(), new TagTicket(ticket.version(),
                List.of("x".repeat(41))))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("tags"));

        var closed = close(ticket);
        assertThatThrownBy(() -> rapport.tickets().tag(Actor.system(), ticket.id(), new TagTicket(closed.version(),
                List.of("late")))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("ticket.closed"));
    }

    private Ticket close(Ticket ticket) {
        var agent = actor(rapport, Role.AGENT, "after-sales");
        var assigned = rapport.tickets().assign(Actor.system(), ticket.id(),
                AssignTicket.to(agent.userId(), ticket.version()));
        var working = rapport.tickets().addProgress(Actor.system(), ticket.id(),
                AddProgress.note("On it", Visibility.CUSTOMER, assigned.version()));
        var resolved = rapport.tickets().resolve(Actor.system(), ticket.id(), new ResolveTicket(working.version(),
                "Fixed", CommunicationMethod.PHONE));
        return rapport.tickets().confirm(Actor.system(), ticket.id(), new ConfirmResolution(resolved.version(),
                Opinion.SATISFIED, Optional.empty(), Optional.empty()));
    }
}
