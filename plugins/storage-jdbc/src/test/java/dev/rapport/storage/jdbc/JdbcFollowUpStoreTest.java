package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Interaction;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.followup.UnplannedCare;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Before;
import dev.rapport.api.spi.storage.CareCandidate;
import dev.rapport.api.spi.storage.CarePlanningClaim;
import dev.rapport.api.spi.storage.FollowUpQuery;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcFollowUpStoreTest {
    private static final UserId AGENT = UserId.of("agent-1");
    private static final UserId MANAGER = UserId.of("manager-1");
    private static final DepartmentId AFTER_SALES = DepartmentId.of("after-sales");
    private final Customer customer = aCustomer().managedBy(MANAGER).build();

    private FollowUp followUp(FollowUpKind kind, UserId owner, Instant due) {
        return FollowUp.planned(FollowUpId.of(Fixtures.newId()), kind, customer.id(), Optional.empty(), owner,
                Optional.of(AFTER_SALES), "Call about " + kind, Optional.empty(), due, due.plusSeconds(86_400),
                Fixtures.T0);
    }

    @StorageTest
    void aFollowUpRoundTripsAndUpdatesUnderItsVersion(TestDatabase db) {
        var planned = FollowUp.planned(FollowUpId.of(Fixtures.newId()), FollowUpKind.RENEWAL, customer.id(),
                Optional.empty(), MANAGER, Optional.empty(), "Talk about renewing \"the\" contract – 续约",
                Optional.of(LocalDate.of(2026, 12, 31)), minutesAfterT0(60), minutesAfterT0(900), Fixtures.T0);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.customers().insert(customer));
            assertThat(insert(storage, planned, "renewal:c:2026-12-31")).isTrue();

            var announced = planned.announced(minutesAfterT0(61));
            assertThat(update(storage, announced, planned.version())).isTrue();
            assertThat(update(storage, announced.overdue(), planned.version())).as("stale").isFalse();
            var skipped = announced.skipped("Renewed already", AGENT, minutesAfterT0(62));
            assertThat(update(storage, skipped, announced.version())).isTrue();

            assertThat(find(storage, planned.id())).contains(skipped);
            assertThat(byKey(storage, "renewal:c:2026-12-31")).contains(skipped);
            assertThat(byKey(storage, "renewal:c:2027-12-31")).isEmpty();
        }
    }

    @StorageTest
    void theUnplannedCareOfAPassReplacesThatOfThePassBefore(TestDatabase db) {
        var day = LocalDate.of(2026, 11, 23);
        var maintenance = new UnplannedCare(FollowUpKind.MAINTENANCE, UnplannedCare.Cause.NO_ACTIVE_OWNER, 815_135,
                CustomerId.of("c-1"), day, minutesAfterT0(5));
        var renewal = new UnplannedCare(FollowUpKind.RENEWAL, UnplannedCare.Cause.NO_ACTIVE_OWNER, 12,
                CustomerId.of("c-2"), day, minutesAfterT0(5));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.followUps().recordUnplanned(List.of(renewal, maintenance)));
            assertThat(storage.<List<UnplannedCare>>get(tx -> tx.followUps().unplanned())).as("most customers first")
                    .containsExactly(maintenance, renewal);

            storage.run(tx -> tx.followUps().recordUnplanned(List.of()));
            assertThat(storage.<List<UnplannedCare>>get(tx -> tx.followUps().unplanned())).isEmpty();
        }
    }

    @StorageTest
    void aPlanKeyIsTakenOnceEvenByTransactionsRacingForIt(TestDatabase db) throws Exception {
        var first = followUp(FollowUpKind.MAINTENANCE, MANAGER, minutesAfterT0(60));
        var second = followUp(FollowUpKind.MAINTENANCE, MANAGER, minutesAfterT0(60));
        var database = db.fresh();
        try (var storage = TestStorage.on(database)) {
            storage.run(tx -> tx.customers().insert(customer));
            var results = Race.run(database, storage, tx -> tx.followUps().insertIfAbsent(first, "maintenance:key"),
                    tx -> tx.followUps().insertIfAbsent(second, "maintenance:key"));

            assertThat(results).as("the holder's insert, the racer's").containsExactly(true, false);
            assertThat(insert(storage, second, "maintenance:key")).isFalse();
            assertThat(byKey(storage, "maintenance:key")).map(FollowUp::id).contains(first.id());
            assertThat(find(storage, second.id())).isEmpty();
        }
    }

    @StorageTest
    void dueForAlarmFindsPendingFollowUpsAtTheirDueAndThenAtTheirOverdueTime(TestDatabase db) {
        var unannounced = followUp(FollowUpKind.SATISFACTION_CHECK, AGENT, minutesAfterT0(10));
        var announced = followUp(FollowUpKind.USAGE_GUIDE, AGENT, minutesAfterT0(-2_000)).announced(minutesAfterT0(-1));
        var notYet = followUp(FollowUpKind.ACCOUNT_VISIT, AGENT, minutesAfterT0(60));
        var done = followUp(FollowUpKind.MAINTENANCE, AGENT, minutesAfterT0(5)).done("ok", Optional.empty(),
                InteractionId.of("i"), AGENT, minutesAfterT0(1));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.interactions().insert(new Interaction(
                        InteractionId.of("i"), customer.id(), Fixtures.T0,
                        InteractionMethod.PHONE, List.of(), "t", "c", Optional.empty(),
                        AGENT, Optional.empty(), Optional.empty(), AGENT, Fixtures.T0));
                for (var f : List.of(unannounced, announced, notYet, done)) {
                    tx.followUps().insertIfAbsent(f, f.id().value());
                }
            });

            var due = storage.get(tx -> tx.followUps().dueForAlarm(minutesAfterT0(30), 10));

            // The announced one's overdue time (a day after its due) came before the other's due time.
            assertThat(due).extracting(FollowUp::id).containsExactly(announced.id(), unannounced.id());
        }
    }

    @StorageTest
    void listsFilterScopeAndPageSoonestDueFirst(TestDatabase db) {
        var other = aCustomer().build();
        var mine = followUp(FollowUpKind.SATISFACTION_CHECK, AGENT, minutesAfterT0(10));
        var mineLater = followUp(FollowUpKind.USAGE_GUIDE, AGENT, minutesAfterT0(20));
        var departments = FollowUp.planned(FollowUpId.of(Fixtures.newId()), FollowUpKind.ACCOUNT_VISIT, other.id(),
                Optional.empty(), MANAGER, Optional.of(AFTER_SALES), "Visit", Optional.empty(), minutesAfterT0(15),
                minutesAfterT0(2_000), Fixtures.T0);
        var elsewhere = FollowUp.planned(FollowUpId.of(Fixtures.newId()), FollowUpKind.MAINTENANCE, customer.id(),
                Optional.empty(), MANAGER, Optional.of(DepartmentId.of("sales")), "Call", Optional.empty(),
                minutesAfterT0(15), minutesAfterT0(2_000), Fixtures.T0);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.customers().insert(other);
                for (var f : List.of(mine, mineLater, departments, elsewhere)) {
                    tx.followUps().insertIfAbsent(f, f.id().value());
                }
            });

            var all = list(storage, FollowUpFilter.all(), Optional.empty(), Optional.empty(), 10);
            var agentsOwn = list(storage, FollowUpFilter.all(), Optional.of(new FollowUpQuery.Scope(AGENT,
                    Optional.empty())), Optional.empty(), 10);
            var withDepartment = list(storage, FollowUpFilter.all(), Optional.of(new FollowUpQuery.Scope(AGENT,
                    Optional.of(AFTER_SALES))), Optional.empty(), 10);
            var firstTwo = list(storage, FollowUpFilter.all(), Optional.empty(), Optional.empty(), 2);
            var rest = list(storage, FollowUpFilter.all(), Optional.empty(), Optional.of(new FollowUpQuery.After(
                    firstTwo.getLast().dueAt(), firstTwo.getLast().id())), 10);

            var sameTime = departments.id().value().compareTo(elsewhere.id().value()) < 0
                    ? List.of(departments.id(), elsewhere.id()) : List.of(elsewhere.id(), departments.id());
            assertThat(all).extracting(FollowUp::id).containsExactly(mine.id(), sameTime.get(0), sameTime.get(1),
                    mineLater.id());
            assertThat(agentsOwn).extracting(FollowUp::id).containsExactly(mine.id(), mineLater.id());
            assertThat(withDepartment).extracting(FollowUp::id).containsExactly(mine.id(), departments.id(),
                    mineLater.id());
            assertThat(rest).extracting(FollowUp::id).containsExactly(sameTime.get(1), mineLater.id());
            assertThat(list(storage, FollowUpFilter.all().withOwner(MANAGER).withCustomer(other.id()),
                    Optional.empty(), Optional.empty(), 10)).extracting(FollowUp::id).containsExactly(departments.id());
            assertThat(list(storage, FollowUpFilter.all().withStates(Set.of(FollowUpState.DONE)), Optional.empty(),
                    Optional.empty(), 10)).isEmpty();
            assertThat(list(storage, FollowUpFilter.all().withDueBefore(minutesAfterT0(15)), Optional.empty(),
                    Optional.empty(), 10)).extracting(FollowUp::id).containsExactly(mine.id());
        }
    }

    @StorageTest
    void aCustomersFollowUpsPageLatestDueFirstAndMoveWithAMerge(TestDatabase db) {
        var survivor = aCustomer().build();
        var early = followUp(FollowUpKind.SATISFACTION_CHECK, AGENT, minutesAfterT0(10));
        var late = followUp(FollowUpKind.USAGE_GUIDE, AGENT, minutesAfterT0(20));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.customers().insert(survivor);
                tx.followUps().insertIfAbsent(early, "a");
                tx.followUps().insertIfAbsent(late, "b");
            });

            List<FollowUp> all = storage.get(tx -> tx.followUps().ofCustomer(customer.id(), Optional.empty(), 10));
            List<FollowUp> afterLate = storage.get(tx -> tx.followUps().ofCustomer(customer.id(),
                    Optional.of(new Before(late.dueAt(), late.id().value())), 10));
            int moved = storage.get(tx -> tx.followUps().moveCustomer(customer.id(), survivor.id()));
            List<FollowUp> ofSurvivor = storage.get(tx -> tx.followUps().ofCustomer(survivor.id(), Optional.empty(), 10));

            assertThat(all).extracting(FollowUp::id).containsExactly(late.id(), early.id());
            assertThat(afterLate).extracting(FollowUp::id).containsExactly(early.id());
            assertThat(moved).isEqualTo(2);
            assertThat(ofSurvivor).hasSize(2);
        }
    }

    @StorageTest
    void renewalCandidatesComePageByPageInTheOrderOfTheirContractEnd(TestDatabase db) {
        var from = LocalDate.of(2026, 3, 1);
        var ends = List.of(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 3, 15));
        var customers = ends.stream().map(end -> aCustomer().withContractEnd(end).build()).toList();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> customers.forEach(tx.customers()::insert));

            var walked = new ArrayList<CareCandidate>();
            Optional<CustomerId> after = Optional.empty();
            List<CareCandidate> page;
            do {
                var cursor = after;
                page = storage.get(tx -> tx.followUps().withoutRenewal(from, from.plusDays(30), cursor, 2));
                walked.addAll(page);
                after = page.isEmpty() ? after : Optional.of(page.getLast().id());
            } while (!page.isEmpty());

            var expected = customers.stream().filter(c -> !c.contractEnd().orElseThrow().isAfter(from.plusDays(30)))
                    .sorted(Comparator.comparing((Customer c) -> c.contractEnd().orElseThrow())
                            .thenComparing(c -> c.id().value()))
                    .map(Customer::id).toList();
            assertThat(walked).as("each contract within the notice once, by its end and then id; April's is not yet")
                    .extracting(CareCandidate::id).containsExactlyElementsOf(expected);
        }
    }

    @StorageTest
    void customersDueForMaintenanceAreFoundByTheirDueDayAndRenewalsByTheirContractEnd(TestDatabase db) {
        var high = aCustomer().withMaintenanceLevel(MaintenanceLevel.HIGH).managedBy(MANAGER)
                .withCooperationSince(LocalDate.of(2024, 3, 1)).withContractEnd(LocalDate.of(2026, 3, 20)).build();
        var otherHigh = aCustomer().withMaintenanceLevel(MaintenanceLevel.HIGH).build();
        var medium = aCustomer().withMaintenanceLevel(MaintenanceLevel.MEDIUM).build();
        var planned = aCustomer().withMaintenanceLevel(MaintenanceLevel.HIGH).withContractEnd(LocalDate.of(2026, 3, 10))
                .build();
        var merged = aCustomer().withMaintenanceLevel(MaintenanceLevel.HIGH).withContractEnd(LocalDate.of(2026, 3, 10))
                .build();
        var today = LocalDate.of(2026, 2, 10);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                for (var c : List.of(high, otherHigh, medium, planned, merged)) {
                    tx.customers().insert(c);
                }
                tx.customers().update(merged.toBuilder().mergedInto(high.id()).version(merged.version() + 1).build(),
                        merged.version());
                tx.followUps().maintenanceDueOn(planned.id(), today.plusDays(20));
                tx.followUps().maintenanceDueOn(otherHigh.id(), today.minusDays(3));
                var renewal = FollowUp.planned(FollowUpId.of(Fixtures.newId()), FollowUpKind.RENEWAL, planned.id(),
                        Optional.empty(), MANAGER, Optional.empty(), "Renew", Optional.of(LocalDate.of(2026, 3, 10)),
                        minutesAfterT0(60), minutesAfterT0(600), Fixtures.T0);
                tx.followUps().insertIfAbsent(renewal, "r");
            });

            var dueHigh = storage.<List<CareCandidate>>get(tx -> tx.followUps().dueForMaintenance(MaintenanceLevel.HIGH,
                    today, 10));
            var firstOnly = storage.<List<CareCandidate>>get(tx -> tx.followUps()
                    .dueForMaintenance(MaintenanceLevel.HIGH, today, 1));
            var whenPlannedFalls = storage.<List<CareCandidate>>get(tx -> tx.followUps()
                    .dueForMaintenance(MaintenanceLevel.HIGH, today.plusDays(20), 10));
            var dueMedium = storage.<List<CareCandidate>>get(tx -> tx.followUps()
                    .dueForMaintenance(MaintenanceLevel.MEDIUM, today, 10));
            var renewals = storage.<List<CareCandidate>>get(tx -> tx.followUps().withoutRenewal(LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 31), Optional.empty(), 10));

            assertThat(dueHigh).as("new customers are due at once; merged ones never; soonest due first")
                    .extracting(CareCandidate::id).containsExactlyInAnyOrder(high.id(), otherHigh.id());
            assertThat(firstOnly).extracting(CareCandidate::id).as("the longest due first").containsExactly(high.id());
            assertThat(whenPlannedFalls).extracting(CareCandidate::id)
                    .containsExactlyInAnyOrder(high.id(), otherHigh.id(), planned.id());
            assertThat(dueMedium).extracting(CareCandidate::id).containsExactly(medium.id());
            assertThat(renewals).containsExactly(new CareCandidate(high.id(), MaintenanceLevel.HIGH,
                    Optional.of(MANAGER), Optional.of(LocalDate.of(2024, 3, 1)), high.createdAt(),
                    Optional.of(LocalDate.of(2026, 3, 20))));
        }
    }

    @StorageTest
    void oneNodeAtATimeHoldsADaysCarePlanningUntilItIsDoneOrItsLeaseRunsOut(TestDatabase db) {
        var day = LocalDate.of(2026, 11, 23);
        var now = Fixtures.T0;
        try (var storage = TestStorage.on(db)) {
            assertThat(claim(storage, "a", day, now, now.plusSeconds(120))).isEqualTo(CarePlanningClaim.CLAIMED);
            assertThat(claim(storage, "b", day, now.plusSeconds(60), now.plusSeconds(180)))
                    .isEqualTo(CarePlanningClaim.HELD_ELSEWHERE);
            assertThat(claim(storage, "a", day, now.plusSeconds(60), now.plusSeconds(180))).as("renewed")
                    .isEqualTo(CarePlanningClaim.CLAIMED);
            assertThat(claim(storage, "b", day, now.plusSeconds(179), now.plusSeconds(300)))
                    .isEqualTo(CarePlanningClaim.HELD_ELSEWHERE);
            assertThat(claim(storage, "b", day, now.plusSeconds(180), now.plusSeconds(300))).as("run out: taken over")
                    .isEqualTo(CarePlanningClaim.CLAIMED);
            assertThat(claim(storage, "a", day, now.plusSeconds(200), now.plusSeconds(320)))
                    .isEqualTo(CarePlanningClaim.HELD_ELSEWHERE);

            storage.run(tx -> tx.followUps().finishCarePlanning("a", day));
            assertThat(claim(storage, "c", day, now.plusSeconds(200), now.plusSeconds(320)))
                    .as("only the holder finishes").isEqualTo(CarePlanningClaim.HELD_ELSEWHERE);
            storage.run(tx -> tx.followUps().finishCarePlanning("b", day));

            assertThat(claim(storage, "c", day, now.plusSeconds(200), now.plusSeconds(320)))
                    .isEqualTo(CarePlanningClaim.DONE);
            assertThat(claim(storage, "c", day.plusDays(1), now.plusSeconds(200), now.plusSeconds(320)))
                    .as("the next day").isEqualTo(CarePlanningClaim.CLAIMED);
        }
    }

    private static CarePlanningClaim claim(TestStorage storage, String holder, LocalDate day, Instant now,
                                           Instant until) {
        return storage.get(tx -> tx.followUps().claimCarePlanning(holder, day, now, until));
    }

    private static boolean insert(TestStorage storage, FollowUp followUp, String key) {
        return storage.get(tx -> tx.followUps().insertIfAbsent(followUp, key));
    }

    private static boolean update(TestStorage storage, FollowUp followUp, long expectedVersion) {
        return storage.get(tx -> tx.followUps().update(followUp, expectedVersion));
    }

    private static Optional<FollowUp> find(TestStorage storage, FollowUpId id) {
        return storage.get(tx -> tx.followUps().find(id));
    }

    private static Optional<FollowUp> byKey(TestStorage storage, String key) {
        return storage.get(tx -> tx.followUps().findByPlanKey(key));
    }


    private static List<FollowUp> list(TestStorage storage, FollowUpFilter filter, Optional<FollowUpQuery.Scope> scope,
                                       Optional<FollowUpQuery.After> after, int limit) {
        return storage.get(tx -> tx.followUps().list(new FollowUpQuery(filter, scope, after, limit)));
    }
}
