package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.improvement.ImprovementFilter;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.RootCause;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.Verification;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.ImprovementBuilder.anImprovement;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcImprovementStoreTest {
    private static final UserId SUPERVISOR = UserId.of("supervisor-1");
    private static final DepartmentId AFTER_SALES = DepartmentId.of("after-sales");

    @StorageTest
    void anImprovementWithEveryOptionalComponentRoundTrips(TestDatabase db) {
        var improvement = anImprovement().planned(LocalDate.of(2026, 4, 1)).completed(LocalDate.of(2026, 3, 30))
                .in(ImprovementState.DONE).affecting(CustomerId.of("customer-1")).affecting(CustomerId.of("customer-2"))
                .linking(TicketId.of("ticket-2")).linking(TicketId.of("ticket-1")).noting("第二次检查 \"twice\"")
                .from(SuggestionId.of("suggestion-1")).build();
        var bare = anImprovement().build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.improvements().insert(improvement);
                tx.improvements().insert(bare);
            });

            var full = storage.get(tx -> tx.improvements().find(improvement.id()));
            var minimal = storage.get(tx -> tx.improvements().find(bare.id()));

            assertThat(full).contains(improvement);
            assertThat(minimal).contains(bare);
        }
    }

    @StorageTest
    void anUpdateReplacesTheImprovementOnlyFromTheVersionItWasBasedOn(TestDatabase db) {
        var improvement = anImprovement().build();
        var started = improvement.toBuilder().state(ImprovementState.IN_PROGRESS).rootCause(RootCause.SUPPLIER)
                .measures("Change the supplier").ownerId(UserId.of("agent-1")).notes(Optional.of("Supplier agreed"))
                .ticketIds(List.of(TicketId.of("ticket-9"))).updatedAt(minutesAfterT0(5)).version(2).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.improvements().insert(improvement));

            boolean updated = storage.get(tx -> tx.improvements().update(started, 1));
            boolean stale = storage.get(tx -> tx.improvements().update(
                    started.toBuilder().problem("lost update").version(3).build(), 1));

            var found = storage.get(tx -> tx.improvements().find(improvement.id()));
            assertThat(updated).isTrue();
            assertThat(stale).isFalse();
            assertThat(found).contains(started);
        }
    }

    @StorageTest
    void verificationsComeBackOldestFirstWithTheImprovementAndSurviveUpdates(TestDatabase db) {
        var improvement = anImprovement().in(ImprovementState.DONE).build();
        var first = new Verification(Optional.of(CustomerId.of("customer-1")), 4, Optional.of("好多了"), SUPERVISOR,
                minutesAfterT0(10));
        var second = new Verification(Optional.empty(), 2, Optional.empty(), SUPERVISOR, minutesAfterT0(20));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.improvements().insert(improvement);
                tx.improvements().addVerification(improvement.id(), first);
                tx.improvements().addVerification(improvement.id(), second);
                tx.improvements().update(improvement.toBuilder().state(ImprovementState.VERIFIED).version(2).build(), 1);
            });

            var found = storage.get(tx -> tx.improvements().find(improvement.id())).orElseThrow();
            var listed = storage.get(tx -> tx.improvements().list(ImprovementFilter.all(), Optional.empty(), 10));

            assertThat(found.verifications()).containsExactly(first, second);
            assertThat(found.state()).isEqualTo(ImprovementState.VERIFIED);
            assertThat(found.averageScore()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("3.00"));
            assertThat(listed).containsExactly(found);
        }
    }

    @StorageTest
    void listsFilterByStateDepartmentAndOwnerNewestFirstInPages(TestDatabase db) {
        var proposed = anImprovement().build();
        var mine = anImprovement().ownedBy(UserId.of("agent-1")).in(ImprovementState.IN_PROGRESS).build();
        var elsewhere = anImprovement().of(DepartmentId.of("finance")).in(ImprovementState.IN_PROGRESS).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> List.of(proposed, mine, elsewhere).forEach(tx.improvements()::insert));

            var inProgress = list(storage, ImprovementFilter.all().withState(ImprovementState.IN_PROGRESS));
            var afterSales = list(storage, ImprovementFilter.all().withDepartment(AFTER_SALES));
            var owned = list(storage, ImprovementFilter.all().withOwner(UserId.of("agent-1")));
            var firstPage = storage.get(tx -> tx.improvements().list(ImprovementFilter.all(), Optional.empty(), 2));
            var nextPage = storage.get(tx -> tx.improvements().list(ImprovementFilter.all(),
                    Optional.of(firstPage.getLast().id()), 2));

            assertThat(inProgress).containsExactly(elsewhere, mine);
            assertThat(afterSales).containsExactly(mine, proposed);
            assertThat(owned).containsExactly(mine);
            assertThat(firstPage).containsExactly(elsewhere, mine);
            assertThat(nextPage).containsExactly(proposed);
        }
    }

    private static List<Improvement> list(TestStorage storage, ImprovementFilter filter) {
        return storage.get(tx -> tx.improvements().list(filter, Optional.empty(), 10));
    }
}
