package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.notice.NoticeType;
import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.SlaPolicy;
import dev.rapport.api.sla.SlaTargets;
import dev.rapport.api.sla.WorkingHours;
import dev.rapport.api.spi.storage.NewNotice;
import dev.rapport.api.spi.storage.TicketQuery;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.SlaWatch;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static dev.rapport.storage.jdbc.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/** What the SLA engine asks of storage: due alarms shared between nodes, the monitor's lists, policy and calendars. */
class JdbcSlaStorageTest {
    private final Customer customer = aCustomer().build();

    @StorageTest
    void dueForAlarmFindsTicketsWhoseNextAlarmHasComeEarliestFirst(TestDatabase db) {
        var warnedLate = aTicketOf(customer.id()).due(minutesAfterT0(120), minutesAfterT0(600)).build();
        var warnedEarly = aTicketOf(customer.id()).due(minutesAfterT0(60), minutesAfterT0(600)).build();
        var alreadyWarned = aTicketOf(customer.id()).due(minutesAfterT0(100), minutesAfterT0(600))
                .raised(SlaTarget.FIRST_RESPONSE, SlaAlarm.WARNING).build();
        var paused = aTicketOf(customer.id()).due(minutesAfterT0(60), minutesAfterT0(600))
                .pausedSince(minutesAfterT0(30)).build();
        var resolved = aTicketOf(customer.id()).due(minutesAfterT0(60), minutesAfterT0(600)).running().build();
        var notYet = aTicketOf(customer.id()).due(minutesAfterT0(500), minutesAfterT0(600)).build();
        try (var storage = TestStorage.on(db)) {
            store(storage, List.of(warnedLate, warnedEarly, alreadyWarned, paused, resolved, notYet));

            var due = storage.get(tx -> tx.tickets().dueForAlarm(minutesAfterT0(110), 10));

            // Warnings fall 12 minutes before each deadline: 48, 100 (the breach, as warned) and 108.
            assertThat(due).extracting(Ticket::id)
                    .containsExactly(warnedEarly.id(), alreadyWarned.id(), warnedLate.id());
            assertThat(due.get(1).sla().deadline(SlaTarget.FIRST_RESPONSE).raised()).containsExactly(SlaAlarm.WARNING);
        }
    }

    @StorageTest
    void dueForAlarmSkipsTicketsAnotherTransactionHolds(TestDatabase db) throws Exception {
        var first = aTicketOf(customer.id()).due(minutesAfterT0(10), minutesAfterT0(600)).build();
        var second = aTicketOf(customer.id()).due(minutesAfterT0(20), minutesAfterT0(600)).build();
        try (var storage = TestStorage.on(db)) {
            store(storage, List.of(first, second));
            var locked = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var holder = CompletableFuture.supplyAsync(() -> storage.get(tx -> {
                var held = tx.tickets().dueForAlarm(minutesAfterT0(30), 1);
                locked.countDown();
                await(release);
                return held;
            }));
            assertThat(locked.await(1, TimeUnit.MINUTES)).isTrue();

            var seenMeanwhile = storage.get(tx -> tx.tickets().dueForAlarm(minutesAfterT0(30), 10));
            release.countDown();

            assertThat(holder.get(1, TimeUnit.MINUTES)).extracting(Ticket::id).containsExactly(first.id());
            assertThat(seenMeanwhile).extracting(Ticket::id).doesNotContain(first.id());
            if (db == TestDatabase.POSTGRES) {
                // PostgreSQL locks only the rows it returns, so another node gets on with the rest; H2 locks what it
                // sorted, which is no loss for a database one process holds.
                assertThat(seenMeanwhile).extracting(Ticket::id).containsExactly(second.id());
            }
        }
    }

    @StorageTest
    void dueForAlarmStillFindsATicketThatAnotherTransactionOnlyRefersTo(TestDatabase db) throws Exception {
        var due = aTicketOf(customer.id()).due(minutesAfterT0(10), minutesAfterT0(600)).build();
        var owner = aUser().build();
        try (var storage = TestStorage.on(db)) {
            store(storage, List.of(due));
            storage.run(tx -> tx.users().insert(owner, "hash"));
            var inserted = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            // The notices of the ticket's last events, written while the next scan runs: PostgreSQL's foreign key
            // check holds a share lock on the ticket's row until they commit.
            var notifier = CompletableFuture.runAsync(() -> storage.run(tx -> {
                tx.notices().insertIfAbsent(new NewNotice(owner.id(), 1, NoticeType.SLA_BREACHED, due.id(),
                        due.number(), due.title(), minutesAfterT0(5)));
                inserted.countDown();
                await(release);
            }));
            assertThat(inserted.await(1, TimeUnit.MINUTES)).isTrue();

            var seenMeanwhile = storage.get(tx -> tx.tickets().dueForAlarm(minutesAfterT0(30), 10));
            release.countDown();
            notifier.get(1, TimeUnit.MINUTES);

            assertThat(seenMeanwhile).extracting(Ticket::id).containsExactly(due.id());
        }
    }

    @StorageTest
    void monitorListsAtRiskAndOverdueTicketsNearestDeadlineFirst(TestDatabase db) {
        var overdueEarly = aTicketOf(customer.id()).due(minutesAfterT0(40), minutesAfterT0(600)).build();
        var overdueLate = aTicketOf(customer.id()).due(minutesAfterT0(90), minutesAfterT0(600)).build();
        var atRiskSoon = aTicketOf(customer.id()).due(minutesAfterT0(105), minutesAfterT0(600)).build();
        var atRiskLater = aTicketOf(customer.id()).due(minutesAfterT0(110), minutesAfterT0(600)).build();
        var calm = aTicketOf(customer.id()).due(minutesAfterT0(300), minutesAfterT0(600)).build();
        var waiting = aTicketOf(customer.id()).due(minutesAfterT0(40), minutesAfterT0(600))
                .pausedSince(minutesAfterT0(20)).build();
        try (var storage = TestStorage.on(db)) {
            store(storage, List.of(overdueEarly, overdueLate, atRiskSoon, atRiskLater, calm, waiting));
            var now = minutesAfterT0(100);

            var overdue = storage.get(tx -> tx.tickets().list(query(SlaWatch.OVERDUE, Optional.empty(), now, 10)));
            var firstAtRisk = storage.get(tx -> tx.tickets().list(query(SlaWatch.AT_RISK, Optional.empty(), now, 1)));
            var nextAtRisk = storage.get(tx -> tx.tickets().list(query(SlaWatch.AT_RISK,
                    Optional.of(firstAtRisk.getFirst()), now, 10)));

            assertThat(overdue).extracting(Ticket::id).containsExactly(overdueEarly.id(), overdueLate.id());
            assertThat(firstAtRisk).extracting(Ticket::id).containsExactly(atRiskSoon.id());
            assertThat(nextAtRisk).extracting(Ticket::id).containsExactly(atRiskLater.id());
        }
    }

    @StorageTest
    void policyAndCalendarsReadBackAsSaved(TestDatabase db) {
        var shanghaiHolidays = new BusinessCalendar("support-cn", "Support (CN)", ZoneId.of("Asia/Shanghai"),
                Map.of(DayOfWeek.MONDAY, List.of(WorkingHours.of("09:00", "12:00"), WorkingHours.of("13:30", "18:00")),
                        DayOfWeek.SATURDAY, List.of(WorkingHours.of("00:00", "00:00"))),
                Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")),
                Map.of(LocalDate.parse("2026-09-27"), List.of(WorkingHours.of("09:00", "18:00"))));
        var targets = new EnumMap<Priority, SlaTargets>(Priority.class);
        SlaPolicy.defaults().targets().forEach(targets::put);
        targets.put(Priority.P3, new SlaTargets(Duration.ofMinutes(90), Duration.ofHours(36), Duration.ofHours(12),
                "support-cn"));
        var policy = new SlaPolicy(targets);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.slaSettings().saveCalendarIfAbsent(BusinessCalendar.alwaysOpen());
                tx.slaSettings().saveCalendarIfAbsent(BusinessCalendar.standard());
                tx.slaSettings().saveCalendar(shanghaiHolidays);
                tx.slaSettings().saveCalendarIfAbsent(BusinessCalendar.standard());
                tx.slaSettings().savePolicy(SlaPolicy.defaults());
                tx.slaSettings().savePolicy(policy);
            });

            List<BusinessCalendar> calendars = storage.get(tx -> tx.slaSettings().calendars());
            Optional<SlaPolicy> stored = storage.get(tx -> tx.slaSettings().policy());

            assertThat(calendars).containsExactly(BusinessCalendar.alwaysOpen(), BusinessCalendar.standard(),
                    shanghaiHolidays);
            assertThat(stored).contains(policy);
        }
    }

    private static TicketQuery query(SlaWatch watch, Optional<Ticket> after, Instant now, int limit) {
        return new TicketQuery(TicketFilter.all().withSla(watch), Optional.empty(), after.map(Ticket::id),
                after.flatMap(t -> t.sla().nearestDue()), now, limit);
    }

    private void store(TestStorage storage, List<Ticket> tickets) {
        storage.run(tx -> {
            tx.customers().insert(customer);
            tickets.forEach(tx.tickets()::insert);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
