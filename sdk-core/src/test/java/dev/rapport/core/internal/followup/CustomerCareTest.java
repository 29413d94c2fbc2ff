package dev.rapport.core.internal.followup;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.event.FollowUpDue;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.followup.SkipFollowUp;
import dev.rapport.api.followup.UnplannedCare;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.LogCapture;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** SPEC §6's maintenance plans and renewal care, planned by the daily scan, once across nodes. */
class CustomerCareTest {
    /** Monday 23 November 2026, 10:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private User manager;

    private void start(TestDatabase db) {
        start(rapports.builder(db));
    }

    private void start(RapportBuilder builder) {
        rapport = rapports.start(builder.listener(heard));
        manager = user(rapport, Role.ACCOUNT_MANAGER, "account-management");
    }

    private Customer customer(MaintenanceLevel level, LocalDate since, LocalDate contractEnd) {
        var profile = aCustomer().maintenanceLevel(level).cooperationSince(since).accountManagerId(manager.id());
        if (contractEnd != null) {
            profile.contractEnd(contractEnd);
        }
        // Care is planned for look-alikes too; the fixture's names may come close to each other's in a long run.
        return rapport.customers().create(Actor.system(), profile.build(), true);
    }

    @StorageTest
    void highCustomersGetAQuarterlyReviewAndMediumOnesAMonthlyCallOnTheirCooperationsAnniversaries(TestDatabase db) {
        start(db);
        var high = customer(MaintenanceLevel.HIGH, LocalDate.of(2023, 3, 1), null);
        var medium = customer(MaintenanceLevel.MEDIUM, LocalDate.of(2024, 9, 15), null);
        var low = customer(MaintenanceLevel.LOW, LocalDate.of(2022, 1, 10), null);

        rapport.runDueWork();

        assertThat(ofCustomer(high)).extracting(FollowUp::kind, FollowUp::ownerId, FollowUp::dueAt).containsExactly(
                tuple(FollowUpKind.MAINTENANCE, manager.id(), Instant.parse("2026-12-01T01:00:00Z")));
        assertThat(ofCustomer(high).getFirst().purpose()).startsWith("In-depth maintenance review")
                .contains("every quarter");
        assertThat(ofCustomer(medium)).extracting(FollowUp::kind, FollowUp::dueAt).containsExactly(
                tuple(FollowUpKind.MAINTENANCE, Instant.parse("2026-12-15T01:00:00Z")));
        assertThat(ofCustomer(medium).getFirst().purpose()).startsWith("Short maintenance call").contains("every month");
        assertThat(ofCustomer(low)).isEmpty();
    }

    @StorageTest
    void eachAnniversaryIsPlannedOnceAndTheNextOneOnceItsDayHasPassed(TestDatabase db) {
        start(db);
        var high = customer(MaintenanceLevel.HIGH, LocalDate.of(2023, 3, 1), null);
        rapport.runDueWork();
        clock.set(T0.plus(Period.ofDays(1)));
        rapport.runDueWork();
        assertThat(ofCustomer(high)).hasSize(1);

        clock.set(Instant.parse("2026-12-01T01:00:00Z"));
        rapport.runDueWork();
        assertThat(ofCustomer(high)).as("due today: still the current one").hasSize(1);
        clock.set(Instant.parse("2026-12-02T01:00:00Z"));
        rapport.runDueWork();

        assertThat(ofCustomer(high)).extracting(FollowUp::dueAt).containsExactly(
                Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2027-03-01T01:00:00Z"));
    }

    @StorageTest
    void aCustomerWithoutAnAccountManagerIsLookedAfterByASupervisorOfAccountManagement(TestDatabase db) {
        start(db);
        var supervisor = user(rapport, Role.SUPERVISOR, "account-management");
        var orphan = rapport.customers().create(Actor.system(), aCustomer().maintenanceLevel(MaintenanceLevel.MEDIUM)
                .build());

        rapport.runDueWork();

        assertThat(ofCustomer(orphan)).extracting(FollowUp::ownerId).containsExactly(supervisor.id());
        assertThat(ofCustomer(orphan).getFirst().dueAt()).as("monthly from the customer's creation")
                .isEqualTo(Instant.parse("2026-12-23T01:00:00Z"));
    }

    @StorageTest
    void customersNobodyCanLookAfterAreReportedOncePerPassWithACountAndAnExampleForAnAdministrator(TestDatabase db) {
        start(db);
        var orphans = new ArrayList<Customer>();
        for (int i = 0; i < 3; i++) {
            orphans.add(rapport.customers().create(Actor.system(), aCustomer().maintenanceLevel(MaintenanceLevel.HIGH)
                    .contractEnd(LocalDate.of(2026, 12, 10)).build(), true));
        }
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));

        try (var log = LogCapture.start()) {
            rapport.runDueWork();
            rapport.runDueWork();

            assertThat(log.linesOf("dev.rapport.core.internal.followup.FollowUpScan")).filteredOn(l -> l.startsWith("WARNING"))
                    .as("one line per cause and pass")
                    .hasSize(2).allSatisfy(line -> assertThat(line).contains("left 3 customer(s)")
                            .doesNotContain(orphans.getFirst().name()));
            assertThat(log.lines()).noneMatch(line -> line.contains("can own the maintenance contact of customer"));
        }
        assertThat(rapport.followUps().unplanned(admin)).extracting(UnplannedCare::kind, UnplannedCare::cause,
                UnplannedCare::customers, UnplannedCare::plannedOn).containsExactlyInAnyOrder(
                tuple(FollowUpKind.MAINTENANCE, UnplannedCare.Cause.NO_ACTIVE_OWNER, 3L, LocalDate.of(2026, 11, 23)),
                tuple(FollowUpKind.RENEWAL, UnplannedCare.Cause.NO_ACTIVE_OWNER, 3L, LocalDate.of(2026, 11, 23)));
        assertThat(rapport.followUps().unplanned(admin)).extracting(UnplannedCare::exampleCustomer)
                .isSubsetOf(orphans.stream().map(Customer::id).toList());
        assertThat(rapport.figures().counts().careUnplanned()).containsEntry(FollowUpKind.MAINTENANCE, 3L)
                .containsEntry(FollowUpKind.RENEWAL, 3L);

        var supervisor = user(rapport, Role.SUPERVISOR, "account-management");
        clock.set(T0.plus(Duration.ofDays(1)));
        rapport.runDueWork();

        assertThat(orphans).allSatisfy(orphan -> assertThat(ofCustomer(orphan)).extracting(FollowUp::ownerId)
                .containsOnly(supervisor.id()));
        assertThat(rapport.followUps().unplanned(admin)).as("the next complete pass planned them all").isEmpty();
        assertThatThrownBy(() -> rapport.followUps().unplanned(Actor.of(manager)))
                .isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void theRenewalContactIsDueThirtyDaysBeforeTheContractEnds(TestDatabase db) throws InterruptedException {
        start(db);
        var later = customer(MaintenanceLevel.LOW, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 6, 30));
        var soon = customer(MaintenanceLevel.LOW, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 10));
        var ended = customer(MaintenanceLevel.LOW, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 11, 1));

        rapport.runDueWork();

        assertThat(ofCustomer(soon)).extracting(FollowUp::kind, FollowUp::ownerId, FollowUp::contractEnd,
                FollowUp::dueAt).containsExactly(tuple(FollowUpKind.RENEWAL, manager.id(),
                Optional.of(LocalDate.of(2026, 12, 10)), Instant.parse("2026-11-23T01:00:00Z")));
        assertThat(heard.await(FollowUpDue.class, 1).getFirst().customerId())
                .as("its notice began before it was planned: due at once").isEqualTo(soon.id());
        assertThat(ofCustomer(later)).as("not within its notice yet").isEmpty();
        assertThat(ofCustomer(ended)).isEmpty();

        clock.set(Instant.parse("2027-05-31T00:00:00Z"));
        rapport.runDueWork();
        assertThat(ofCustomer(later)).extracting(FollowUp::dueAt)
                .containsExactly(Instant.parse("2027-05-31T01:00:00Z"));
        assertThat(ofCustomer(later).getFirst().purpose()).contains("2027-06-30");
    }

    @StorageTest
    void aRenewedContractGetsItsOwnRenewalContactAndASkippedOneIsNotPlannedAgain(TestDatabase db) {
        start(db);
        var customer = customer(MaintenanceLevel.LOW, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 10));
        rapport.runDueWork();
        var first = ofCustomer(customer).getFirst();
        rapport.followUps().skip(Actor.of(manager), first.id(), SkipFollowUp.of("Renewed at the trade fair."));
        clock.set(T0.plus(Period.ofDays(1)));
        rapport.runDueWork();
        assertThat(ofCustomer(customer)).hasSize(1);

        var current = rapport.customers().get(Actor.system(), customer.id());
        rapport.customers().update(Actor.system(), customer.id(), current.update(current.profile().toBuilder()
                .contractEnd(LocalDate.of(2026, 12, 20)).build()));
        clock.set(T0.plus(Period.ofDays(2)));
        rapport.runDueWork();

        assertThat(ofCustomer(customer)).extracting(FollowUp::contractEnd).containsExactlyInAnyOrder(
                Optional.of(LocalDate.of(2026, 12, 10)), Optional.of(LocalDate.of(2026, 12, 20)));
    }

    @StorageTest
    void theCadencesAndTheNoticeAreConfigurable(TestDatabase db) {
        start(rapports.builder(db)
                .followUpPlan(FollowUpPlan.standard().withMaintenance(MaintenanceLevel.LOW, Optional.of(Period.ofYears(1))))
                .config("rapport.follow-ups.maintenance.high", "none")
                .config("rapport.follow-ups.renewal-notice", "P2M"));
        var high = customer(MaintenanceLevel.HIGH, LocalDate.of(2023, 3, 1), null);
        var low = customer(MaintenanceLevel.LOW, LocalDate.of(2022, 1, 10), LocalDate.of(2027, 1, 20));

        rapport.runDueWork();

        assertThat(ofCustomer(high)).isEmpty();
        assertThat(ofCustomer(low)).extracting(FollowUp::kind, FollowUp::dueAt).containsExactlyInAnyOrder(
                tuple(FollowUpKind.RENEWAL, Instant.parse("2026-11-23T01:00:00Z")),
                tuple(FollowUpKind.MAINTENANCE, Instant.parse("2027-01-10T01:00:00Z")));
    }

    @StorageTest
    void twoInstancesRacingPlanEachCustomersCareOnce(TestDatabase db) throws Exception {
        var coordinates = db.fresh();
        start(Fixtures.builder(coordinates, clock));
        var other = rapports.start(Fixtures.builder(coordinates, clock));
        var customers = new ArrayList<Customer>();
        for (int i = 0; i < 25; i++) {
            customers.add(customer(i % 2 == 0 ? MaintenanceLevel.HIGH : MaintenanceLevel.MEDIUM,
                    LocalDate.of(2024, 1 + i % 12, 1 + i), LocalDate.of(2026, 12, 1 + i % 20)));
        }

        FollowUpScanTest.race(rapport, other);
        FollowUpScanTest.race(rapport, other);

        for (var customer : customers) {
            assertThat(ofCustomer(customer)).extracting(FollowUp::kind)
                    .containsExactlyInAnyOrder(FollowUpKind.MAINTENANCE, FollowUpKind.RENEWAL);
        }
    }

    @StorageTest
    void aMergedCustomersFollowUpsMoveToTheSurvivor(TestDatabase db) {
        start(db);
        var survivor = customer(MaintenanceLevel.LOW, LocalDate.of(2024, 1, 1), null);
        var duplicate = customer(MaintenanceLevel.MEDIUM, LocalDate.of(2024, 1, 1), null);
        rapport.runDueWork();
        var planned = ofCustomer(duplicate);

        rapport.customers().merge(Actor.system(), survivor.id(), duplicate.id());

        assertThat(ofCustomer(survivor)).extracting(FollowUp::id)
                .containsExactlyElementsOf(planned.stream().map(FollowUp::id).toList());
    }

    private List<FollowUp> ofCustomer(Customer customer) {
        return rapport.followUps().list(Actor.system(), FollowUpFilter.all().withCustomer(customer.id()),
                PageRequest.first()).items();
    }
}
