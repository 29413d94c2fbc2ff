package dev.rapport.core.internal.customer;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.customer.NewInteraction;
import dev.rapport.api.customer.NewPurchase;
import dev.rapport.api.customer.TimelineEntry;
import dev.rapport.api.customer.TimelineEntry.Kind;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

class TimelineServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void ticketsInteractionsAndPurchasesMergeNewestFirst(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).title("Orders stopped").build());
        clock.advance(Duration.ofHours(1));
        var call = rapport.interactions().log(Actor.system(), customer.id(),
                NewInteraction.of(InteractionMethod.PHONE, "Follow-up call", "All orders arrive again."));
        var purchase = rapport.purchases().record(Actor.system(), customer.id(),
                new NewPurchase(LocalDate.of(2026, 11, 20), new BigDecimal("880"), "CNY"));

        var entries = rapport.timeline().of(Actor.system(), customer.id(), PageRequest.first()).items();

        assertThat(entries).extracting(TimelineEntry::kind).containsExactly(Kind.INTERACTION, Kind.TICKET, Kind.PURCHASE);
        assertThat(entries).extracting(TimelineEntry::refId)
                .containsExactly(call.id().value(), ticket.id().value(), purchase.id().value());
        assertThat(entries.get(0).summary()).isEqualTo("PHONE: Follow-up call");
        assertThat(entries.get(1).summary()).startsWith(ticket.number()).contains("Orders stopped");
        assertThat(entries.get(2).summary()).isEqualTo("Purchase of 880 CNY");
        assertThat(entries.get(2).at()).isEqualTo(LocalDate.of(2026, 11, 20).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @StorageTest
    void pagesNeitherSkipNorRepeatEntriesThatShareAnInstant(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        // A ticket and interactions at one instant, purchases on one day: ties across and within sources.
        for (int i = 0; i < 3; i++) {
            rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
            rapport.interactions().log(Actor.system(), customer.id(),
                    NewInteraction.of(InteractionMethod.CHAT, "Chat " + i, "Text " + i));
            rapport.purchases().record(Actor.system(), customer.id(),
                    new NewPurchase(LocalDate.of(2026, 11, 23), BigDecimal.ONE, "CNY"));
        }
        var all = rapport.timeline().of(Actor.system(), customer.id(), PageRequest.first(200)).items();
        var paged = new ArrayList<TimelineEntry>();
        var page = rapport.timeline().of(Actor.system(), customer.id(), PageRequest.first(2));
        paged.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = rapport.timeline().of(Actor.system(), customer.id(), PageRequest.after(page.nextCursor().get(), 2));
            paged.addAll(page.items());
        }
        assertThat(all).hasSize(9);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(all).isSortedAccordingTo(TimelineService.ORDER);
    }

    @StorageTest
    void actorsWhoMayNotReadTicketsSeeTheRest(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        rapport.interactions().log(Actor.system(), customer.id(), NewInteraction.of(InteractionMethod.EMAIL, "Hello", "Hi"));
        var readerOfCustomersOnly = new Actor(Actor.system().userId(), Optional.empty(), Set.of(Permission.CUSTOMER_READ));
        assertThat(rapport.timeline().of(readerOfCustomersOnly, customer.id(), PageRequest.first()).items())
                .extracting(TimelineEntry::kind).containsExactly(Kind.INTERACTION);
    }
}
