package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementSuggestion;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.SuggestionState;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.TaggedTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcSuggestionStoreTest {
    private static final DepartmentId AFTER_SALES = DepartmentId.of("after-sales");
    private static final UserId SUPERVISOR = UserId.of("supervisor-1");

    private final Customer anna = aCustomer().build();
    private final Customer bo = aCustomer().build();
    private final Ticket annasFirst = aTicketOf(anna.id()).openedAt(minutesAfterT0(1)).taggedWith("invoice").build();
    private final Ticket bosFirst = aTicketOf(bo.id()).openedAt(minutesAfterT0(2)).taggedWith("invoice").build();
    private final Ticket annasSecond = aTicketOf(anna.id()).openedAt(minutesAfterT0(3)).taggedWith("Invoice").build();

    @StorageTest
    void aSuggestionComesBackWithItsTicketsByOpeningTimeAndTheirDistinctCustomers(TestDatabase db) {
        var suggestion = suggestion("Invoice", Optional.empty());
        try (var storage = storedTickets(db)) {
            boolean stored = storage.get(tx -> tx.suggestions().insert(suggestion,
                    List.of(tagged(annasSecond), tagged(annasFirst), tagged(bosFirst))));

            var found = storage.get(tx -> tx.suggestions().find(suggestion.id())).orElseThrow();

            assertThat(stored).isTrue();
            assertThat(found.ticketIds()).containsExactly(annasFirst.id(), bosFirst.id(), annasSecond.id());
            assertThat(found.customerIds()).containsExactly(anna.id(), bo.id());
            assertThat(found.lastTicketAt()).isEqualTo(minutesAfterT0(3));
            assertThat(found.tag()).isEqualTo("Invoice");
            assertThat(found).usingRecursiveComparison().ignoringFields("customerIds", "ticketIds", "lastTicketAt")
                    .isEqualTo(suggestion);
        }
    }

    @StorageTest
    void aTypeAndTagHasOneSuggestionAfterNoneAndOneAfterEachEarlierSuggestion(TestDatabase db) {
        var first = suggestion("invoice", Optional.empty());
        var again = suggestion("INVOICE", Optional.empty());
        var next = suggestion("invoice", Optional.of(first.id()));
        var nextAgain = suggestion("Invoice", Optional.of(first.id()));
        var otherTag = suggestion("delivery", Optional.empty());
        try (var storage = storedTickets(db)) {
            var stored = storage.get(tx -> List.of(tx.suggestions().insert(first, List.of(tagged(annasFirst))),
                    tx.suggestions().insert(again, List.of(tagged(bosFirst))),
                    tx.suggestions().insert(next, List.of(tagged(bosFirst))),
                    tx.suggestions().insert(nextAgain, List.of(tagged(annasSecond))),
                    tx.suggestions().insert(otherTag, List.of(tagged(annasSecond)))));

            var latest = storage.get(tx -> tx.suggestions().latest("COMPLAINT", "INVOICE"));
            var ofOtherType = storage.get(tx -> tx.suggestions().latest("CONSULTATION", "invoice"));

            assertThat(stored).containsExactly(true, false, true, false, true);
            assertThat(latest).map(ImprovementSuggestion::id).contains(next.id());
            assertThat(ofOtherType).isEmpty();
        }
    }

    @StorageTest
    void aTicketJoinsOnceAndTheCustomersFollowTheirTickets(TestDatabase db) {
        var suggestion = suggestion("invoice", Optional.empty());
        try (var storage = storedTickets(db)) {
            storage.run(tx -> tx.suggestions().insert(suggestion, List.of(tagged(annasFirst))));

            boolean joined = storage.get(tx -> tx.suggestions().join(suggestion.id(), tagged(bosFirst)));
            boolean again = storage.get(tx -> tx.suggestions().join(suggestion.id(), tagged(bosFirst)));
            storage.run(tx -> tx.tickets().moveCustomer(bo.id(), anna.id()));

            var found = storage.get(tx -> tx.suggestions().find(suggestion.id())).orElseThrow();
            assertThat(joined).isTrue();
            assertThat(again).isFalse();
            assertThat(found.ticketIds()).containsExactly(annasFirst.id(), bosFirst.id());
            assertThat(found.customerIds()).containsExactly(anna.id());
            assertThat(found.lastTicketAt()).isEqualTo(minutesAfterT0(2));
        }
    }

    @StorageTest
    void onlyAnOpenSuggestionIsSettled(TestDatabase db) {
        var suggestion = suggestion("invoice", Optional.empty());
        var adopted = settled(suggestion, SuggestionState.ADOPTED, Optional.of(ImprovementId.of("improvement-1")),
                Optional.empty());
        var dismissed = settled(suggestion, SuggestionState.DISMISSED, Optional.empty(), Optional.of("not ours"));
        try (var storage = storedTickets(db)) {
            storage.run(tx -> tx.suggestions().insert(suggestion, List.of(tagged(annasFirst))));

            boolean first = storage.get(tx -> tx.suggestions().settle(adopted));
            boolean second = storage.get(tx -> tx.suggestions().settle(dismissed));

            var found = storage.get(tx -> tx.suggestions().find(suggestion.id())).orElseThrow();
            assertThat(first).isTrue();
            assertThat(second).isFalse();
            assertThat(found).usingRecursiveComparison().ignoringFields("customerIds", "ticketIds", "lastTicketAt")
                    .isEqualTo(adopted);
        }
    }

    @StorageTest
    void listsFilterByStateNewestFirstInPages(TestDatabase db) {
        var older = suggestion("invoice", Optional.empty());
        var newer = suggestion("delivery", Optional.empty());
        var newest = suggestion("refund", Optional.empty());
        try (var storage = storedTickets(db)) {
            storage.run(tx -> {
                tx.suggestions().insert(older, List.of(tagged(annasFirst)));
                tx.suggestions().insert(newer, List.of(tagged(bosFirst)));
                tx.suggestions().insert(newest, List.of(tagged(annasSecond)));
                tx.suggestions().settle(settled(newer, SuggestionState.DISMISSED, Optional.empty(), Optional.of("no")));
            });

            var open = storage.get(tx -> tx.suggestions().list(Optional.of(SuggestionState.OPEN), Optional.empty(), 10));
            var firstPage = storage.get(tx -> tx.suggestions().list(Optional.empty(), Optional.empty(), 2));
            var nextPage = storage.get(tx -> tx.suggestions().list(Optional.empty(), Optional.of(firstPage.getLast().id()), 2));

            assertThat(open).extracting(ImprovementSuggestion::id).containsExactly(newest.id(), older.id());
            assertThat(firstPage).extracting(ImprovementSuggestion::id).containsExactly(newest.id(), newer.id());
            assertThat(nextPage).extracting(ImprovementSuggestion::id).containsExactly(older.id());
            assertThat(open.getFirst().ticketIds()).containsExactly(annasSecond.id());
        }
    }

    @StorageTest
    void ofTwoInstancesCompletingTheSameClusterAtOnceOneStoresIt(TestDatabase db) throws Exception {
        var coordinates = db.fresh();
        var one = suggestion("invoice", Optional.empty());
        var two = suggestion("Invoice", Optional.empty());
        try (var node = TestStorage.on(coordinates); var other = TestStorage.on(coordinates)) {
            node.run(tx -> {
                tx.customers().insert(anna);
                tx.customers().insert(bo);
                List.of(annasFirst, bosFirst, annasSecond).forEach(tx.tickets()::insert);
            });
            // The racer may wait for the holder's commit (as PostgreSQL does) or fail on the key at once (as H2 does).
            var results = Race.run(coordinates, node, tx -> tx.suggestions().insert(one, List.of(tagged(annasFirst))),
                    other, tx -> tx.suggestions().insert(two, List.of(tagged(bosFirst))));
            var stored = node.get(tx -> tx.suggestions().list(Optional.empty(), Optional.empty(), 10));

            assertThat(results).as("the holder's suggestion, the racer's").containsExactly(true, false);
            assertThat(stored).extracting(ImprovementSuggestion::id).containsExactly(one.id());
        }
    }

    private TestStorage storedTickets(TestDatabase db) {
        var storage = TestStorage.on(db);
        storage.run(tx -> {
            tx.customers().insert(anna);
            tx.customers().insert(bo);
            List.of(annasFirst, bosFirst, annasSecond).forEach(tx.tickets()::insert);
        });
        return storage;
    }

    private static ImprovementSuggestion suggestion(String tag, Optional<SuggestionId> follows) {
        Instant at = minutesAfterT0(30);
        return new ImprovementSuggestion(SuggestionId.of(Fixtures.newId()), "COMPLAINT", tag, AFTER_SALES, List.of(),
                List.of(), SuggestionState.OPEN, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                follows, at, at);
    }

    private static ImprovementSuggestion settled(ImprovementSuggestion s, SuggestionState state,
                                                 Optional<ImprovementId> improvement, Optional<String> reason) {
        return new ImprovementSuggestion(s.id(), s.ticketType(), s.tag(), s.departmentId(), s.customerIds(),
                s.ticketIds(), state, improvement, reason, Optional.of(SUPERVISOR), Optional.of(minutesAfterT0(40)),
                s.follows(), s.suggestedAt(), s.lastTicketAt());
    }

    private static TaggedTicket tagged(Ticket ticket) {
        return new TaggedTicket(ticket.id(), ticket.customerId(), ticket.createdAt());
    }
}
