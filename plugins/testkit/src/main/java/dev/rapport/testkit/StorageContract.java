package dev.rapport.testkit;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.improvement.ImprovementSuggestion;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.SuggestionState;
import dev.rapport.api.report.Grouping;
import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.storage.Counter;
import dev.rapport.api.spi.storage.CustomerMatch;
import dev.rapport.api.spi.storage.CustomerNames;
import dev.rapport.api.spi.storage.CustomerSearch;
import dev.rapport.api.spi.storage.Lease;
import dev.rapport.api.spi.storage.OutboxEntry;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.spi.storage.StatusLink;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.api.spi.storage.TaggedTicket;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.FrontLine;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of every {@link Storage}: the checks of {@link PluginContract}, and what the SDK relies on whatever
 * the database. A transaction's writes are all there after it commits and all gone when its work throws, which
 * rethrows the very exception; updates name the version they read, and a stale one writes nothing; the outbox hands
 * events back in append order; a customer's search readings find it until replaced; conversations find a ticket by a referenced message or a thread, and an inbound
 * message is claimed once; follow-ups come due by their next alarm; and several instances on the same data, as several
 * nodes of a cluster, share the work without doing it twice: a leased delivery, the fan-out turn, an inbound message,
 * a follow-up's plan key and a due SLA alarm go to one of them, and counters never hand out a value twice.
 *
 * <p>Every check expects empty data of its own: point {@link #minimalConfig()} at a fresh database (or schema) in a
 * {@code @BeforeEach} method. The checks about several nodes get their second node from
 * {@link #secondInstanceOnSameData()}. Fixtures come from {@link SampleRecords} and {@link SampleNotifications}.
 *
 * <pre>{@code
 * class H2StorageContractTest extends StorageContract {
 *     private String url;
 *     @BeforeEach void freshDatabase() { url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"; }
 *     protected StorageFactory factory() { return new JdbcStorageFactory(); }
 *     protected Map<String, String> minimalConfig() { return Map.of("url", url); }
 *     protected Set<String> requiredKeys() { return Set.of(); }
 * }
 * }</pre>
 */
public abstract class StorageContract extends PluginContract<Storage, StorageFactory> {
    private static final Instant T0 = TestPluginContext.START;
    private static final String SUBSCRIBER = "contract-ops";

    @Override
    protected final Class<StorageFactory> extensionPoint() {
        return StorageFactory.class;
    }

    /**
     * Another instance over the same data as {@link #createMinimal()}'s, as a second node of a cluster would open it;
     * the caller closes it. By default another instance from {@link #minimalConfig()}, which is right when that
     * configuration names shared data (a database URL) rather than making data of its own.
     */
    protected Storage secondInstanceOnSameData() {
        return createMinimal();
    }

    /** Stores a customer and reads it back. */
    @Override
    protected void exercise(Storage storage) {
        var customer = SampleRecords.customer();
        run(storage, tx -> tx.customers().insert(customer));

        Optional<Customer> found = storage.inTransaction(tx -> tx.customers().find(customer.id()));
        assertThat(found).contains(customer);
    }

    /** Work in one transaction commits whole or not at all. */
    @Nested
    public class Transactions {
        @Test
        void whatATransactionWroteIsReadBackAsWrittenAfterItCommits() {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            var entry = SampleRecords.customerCreated(customer);
            try (Storage storage = createMinimal()) {
                run(storage, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                    tx.audit().append(entry);
                });

                Optional<Customer> customerFound = storage.inTransaction(tx -> tx.customers().find(customer.id()));
                Optional<Ticket> ticketFound = storage.inTransaction(tx -> tx.tickets().find(ticket.id()));
                List<AuditEntry> trail = storage.inTransaction(tx -> tx.audit().of("customer", customer.id().value()));

                assertThat(customerFound).contains(customer);
                assertThat(ticketFound).contains(ticket);
                assertThat(trail).containsExactly(entry);
            }
        }

        @Test
        void aFrontLineServesTheCustomersItsUserOrItsDepartmentFiledATicketFor() {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            var owner = ticket.intakeOwner().orElseThrow();
            var colleague = new FrontLine(UserId.of(UUID.randomUUID().toString()), owner.departmentId());
            var stranger = new FrontLine(UserId.of(UUID.randomUUID().toString()), Optional.of(DepartmentId.of("elsewhere")));
            try (Storage storage = createMinimal()) {
                run(storage, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                });

                boolean byOwner = storage.inTransaction(tx -> tx.tickets().serves(new FrontLine(owner.userId(),
                        Optional.empty()), customer.id()));
                boolean byColleague = storage.inTransaction(tx -> tx.tickets().serves(colleague, customer.id()));
                boolean byStranger = storage.inTransaction(tx -> tx.tickets().serves(stranger, customer.id()));

                assertThat(byOwner).as("the intake owner").isTrue();
                assertThat(byColleague).as("the intake owner's department").isTrue();
                assertThat(byStranger).isFalse();
            }
        }

        @Test
        void workThatThrowsLeavesNoTraceAndItsExceptionIsRethrownUnchanged() {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            var failure = new IllegalStateException("the work failed after writing");
            try (Storage storage = createMinimal()) {
                assertThatThrownBy(() -> storage.inTransaction(tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                    tx.audit().append(SampleRecords.customerCreated(customer));
                    tx.outbox().append(SampleNotifications.ticketCreated().event());
                    throw failure;
                })).isSameAs(failure);

                boolean customerExists = storage.inTransaction(tx -> tx.customers().exists(customer.id()));
                Optional<Ticket> ticketFound = storage.inTransaction(tx -> tx.tickets().find(ticket.id()));
                List<AuditEntry> trail = storage.inTransaction(tx -> tx.audit().of("customer", customer.id().value()));
                List<OutboxEntry> events = storage.inTransaction(tx -> tx.outbox().undelivered(10));

                assertThat(customerExists).isFalse();
                assertThat(ticketFound).isEmpty();
                assertThat(trail).isEmpty();
                assertThat(events).isEmpty();
            }
        }
    }

    /** Optimistic versions: an update names the version it read. */
    @Nested
    public class Versions {
        @Test
        void aTicketUpdateFromAStaleReadWritesNothing() {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData()) {
                run(node, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                });
                Ticket readHere = node.inTransaction(tx -> tx.tickets().find(ticket.id())).orElseThrow();
                Ticket readThere = other.inTransaction(tx -> tx.tickets().find(ticket.id())).orElseThrow();
                var assigned = SampleRecords.assigned(readHere, SampleRecords.AGENT, T0.plusSeconds(60));
                var assignedElsewhere = SampleRecords.assigned(readThere, SampleNotifications.SUPERVISOR.id(),
                        T0.plusSeconds(90));

                boolean first = node.inTransaction(tx -> tx.tickets().update(assigned, readHere.version()));
                boolean stale = other.inTransaction(tx -> tx.tickets().update(assignedElsewhere, readThere.version()));
                Optional<Ticket> stored = other.inTransaction(tx -> tx.tickets().find(ticket.id()));

                assertThat(first).as("update with the version read").isTrue();
                assertThat(stale).as("update with a version another node changed meanwhile").isFalse();
                assertThat(stored).contains(assigned);
            }
        }

        @Test
        void aCustomerUpdateFromAStaleReadOrOfACustomerThatIsNotThereWritesNothing() {
            var customer = SampleRecords.customer();
            var neverStored = SampleRecords.customer();
            var renamed = customer.toBuilder().profile(customer.profile().toBuilder().name("星河贸易集团").build())
                    .updatedAt(T0.plusSeconds(60)).version(2).build();
            var retagged = customer.toBuilder().profile(customer.profile().toBuilder().tags(List.of("lost update"))
                    .build()).updatedAt(T0.plusSeconds(90)).version(2).build();
            try (Storage storage = createMinimal()) {
                run(storage, tx -> tx.customers().insert(customer));

                boolean first = storage.inTransaction(tx -> tx.customers().update(renamed, 1));
                boolean stale = storage.inTransaction(tx -> tx.customers().update(retagged, 1));
                boolean missing = storage.inTransaction(tx -> tx.customers().update(neverStored, 1));
                Optional<Customer> stored = storage.inTransaction(tx -> tx.customers().find(customer.id()));
                boolean missingExists = storage.inTransaction(tx -> tx.customers().exists(neverStored.id()));

                assertThat(first).as("update with the version read").isTrue();
                assertThat(stale).as("update with a version changed meanwhile").isFalse();
                assertThat(missing).as("update of a customer never stored").isFalse();
                assertThat(stored).contains(renamed);
                assertThat(missingExists).as("the customer never stored exists").isFalse();
            }
        }
    }

    /** Events wait in the outbox in the order they were written. */
    /** Search readings ({@code CustomerStore.indexReadings}): plain strings the SDK computes, matched whole. */
    @Nested
    public class Readings {
        @Test
        void readingsFindTheCustomerWithoutSpacesUntilReplacedAndMarkItAsHavingThem() {
            var customer = SampleRecords.customer();
            try (Storage storage = createMinimal()) {
                run(storage, tx -> tx.customers().insert(customer));
                List<CustomerNames> lacking = storage.inTransaction(tx -> tx.customers().lackingReadings(10));
                run(storage, tx -> tx.customers().indexReadings(customer.id(), List.of("qzxwv", "qz")));
                List<CustomerMatch> found = storage.inTransaction(tx -> tx.customers().search(
                        new CustomerSearch("Qz Xwv", false, Optional.empty(), 10)));
                run(storage, tx -> tx.customers().indexReadings(customer.id(), List.of("vwxzq")));
                List<CustomerMatch> replaced = storage.inTransaction(tx -> tx.customers().search(
                        new CustomerSearch("qzxwv", false, Optional.empty(), 10)));
                List<CustomerNames> lackingAfter = storage.inTransaction(tx -> tx.customers().lackingReadings(10));

                assertThat(lacking).extracting(CustomerNames::id).containsExactly(customer.id());
                assertThat(lacking.getFirst().contactNames()).containsExactly("刘洋");
                assertThat(found).extracting(m -> m.customer().id()).containsExactly(customer.id());
                assertThat(found.getFirst().rank().tier()).isEqualTo(CustomerMatch.Tier.PINYIN);
                assertThat(replaced).as("readings are replaced whole").isEmpty();
                assertThat(lackingAfter).isEmpty();
            }
        }
    }

    @Nested
    public class Outbox {
        @Test
        void eventsComeBackInAppendOrderUntilMarkedFannedOut() {
            List<DomainEvent> events = SampleNotifications.all().stream().map(Notification::event).toList();
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData()) {
                run(node, tx -> events.subList(0, 3).forEach(tx.outbox()::append));
                run(other, tx -> events.subList(3, 5).forEach(tx.outbox()::append));
                run(node, tx -> events.subList(5, events.size()).forEach(tx.outbox()::append));

                List<OutboxEntry> all = node.inTransaction(tx -> tx.outbox().undelivered(100));
                List<OutboxEntry> firstThree = other.inTransaction(tx -> tx.outbox().undelivered(3));
                var marked = new ArrayList<>(positions(firstThree));
                marked.add(all.getLast().position() + 1_000);
                run(node, tx -> tx.outbox().markDelivered(marked));
                run(node, tx -> tx.outbox().markDelivered(marked));
                List<OutboxEntry> rest = other.inTransaction(tx -> tx.outbox().undelivered(100));

                assertThat(all).extracting(OutboxEntry::event).containsExactlyElementsOf(events);
                assertThat(positions(all)).as("positions").isSorted().doesNotHaveDuplicates();
                assertThat(firstThree).containsExactlyElementsOf(all.subList(0, 3));
                assertThat(rest).as("after the first three were marked, twice, with an unknown position")
                        .containsExactlyElementsOf(all.subList(3, all.size()));
            }
        }
    }

    /** Several instances on the same data, as the nodes of a cluster. */
    @Nested
    public class SharedData {
        @Test
        void whatOneInstanceCommitsTheOtherReads() {
            var customer = SampleRecords.customer();
            var department = new Department(DepartmentId.of("d-finance"), "财务部 Finance");
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData()) {
                run(node, tx -> tx.customers().insert(customer));
                run(other, tx -> tx.departments().insertIfAbsent(department));

                Optional<Customer> customerThere = other.inTransaction(tx -> tx.customers().find(customer.id()));
                Optional<Department> departmentHere = node.inTransaction(tx -> tx.departments().find(department.id()));

                assertThat(customerThere).contains(customer);
                assertThat(departmentHere).contains(department);
            }
        }

        @Test
        void aLeasedDeliveryGoesToASecondInstanceOnlyOnceTheLeaseHasRunOut() {
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData()) {
                appendAndFanOut(node, 1);
                var lease = new Lease("lease-" + UUID.randomUUID(), T0.plus(Duration.ofMinutes(1)));
                var takeover = new Lease("lease-" + UUID.randomUUID(), T0.plus(Duration.ofMinutes(3)));

                List<PendingDelivery> leased = claim(node, lease, T0);
                List<PendingDelivery> whileLeased = claim(other,
                        new Lease("lease-" + UUID.randomUUID(), T0.plus(Duration.ofMinutes(2))), T0.plusSeconds(30));
                List<PendingDelivery> afterwards = claim(other, takeover, T0.plus(Duration.ofMinutes(2)));
                long id = leased.getFirst().id();
                boolean byTheLostLease = node.inTransaction(tx -> tx.deliveries().markDelivered(id, lease.token(), 1,
                        T0.plus(Duration.ofMinutes(2)), Optional.empty()));
                boolean byTheTakeover = other.inTransaction(tx -> tx.deliveries().markDelivered(id,
                        takeover.token(), 1, T0.plus(Duration.ofMinutes(2)), Optional.of("250 OK")));

                assertThat(leased).hasSize(1);
                assertThat(whileLeased).as("claimed by a second instance while leased").isEmpty();
                assertThat(afterwards).as("claimed by a second instance after the lease ran out")
                        .extracting(PendingDelivery::id).containsExactly(id);
                assertThat(byTheLostLease).as("outcome recorded under the lease that ran out").isFalse();
                assertThat(byTheTakeover).as("outcome recorded under the lease that took over").isTrue();
            }
        }

        @Test
        void instancesClaimingAtTheSameTimeNeverShareADelivery() {
            int deliveries = 12;
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData()) {
                appendAndFanOut(node, deliveries);
                List<Callable<List<Long>>> claimers = Stream.of(node, other, node, other)
                        .<Callable<List<Long>>>map(storage -> () -> claimUntilNoneIsLeft(storage)).toList();

                List<Long> claimed = Workers.runAll("storage-claim", claimers).stream().flatMap(List::stream).toList();

                assertThat(claimed).as("delivery ids claimed by four claimers on two instances")
                        .doesNotHaveDuplicates().hasSize(deliveries);
            }
        }

        @Test
        void theFanOutTurnIsHeldByOneTransactionAcrossInstances() throws InterruptedException {
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData();
                 var workers = Workers.named("storage-fan-out")) {
                var holding = new CountDownLatch(1);
                var done = new CountDownLatch(1);
                var holder = workers.start(() -> node.inTransaction(tx -> {
                    boolean turn = tx.deliveries().takeFanOutTurn();
                    holding.countDown();
                    awaitQuietly(done);
                    return turn;
                }));
                assertThat(holding.await(Workers.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the holder started")
                        .isTrue();

                boolean whileHeld;
                try {
                    whileHeld = Workers.await(workers.start(() ->
                            other.inTransaction(tx -> tx.deliveries().takeFanOutTurn())));
                } finally {
                    done.countDown();
                }
                boolean held = Workers.await(holder);
                boolean afterwards = other.inTransaction(tx -> tx.deliveries().takeFanOutTurn());

                assertThat(held).as("the turn, uncontended").isTrue();
                assertThat(whileHeld).as("the turn, while another instance's transaction holds it").isFalse();
                assertThat(afterwards).as("the turn, after that transaction ended").isTrue();
            }
        }

        @Test
        void aMessageClaimedByAnOpenTransactionIsNotClaimedAgainByAnotherInstance() throws InterruptedException {
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData();
                 var workers = Workers.named("storage-receipt")) {
                var holding = new CountDownLatch(1);
                var done = new CountDownLatch(1);
                var holder = workers.start(() -> node.inTransaction(tx -> {
                    boolean claimed = tx.conversations().claim("support-mail", "<race@xinghe.example>", T0);
                    holding.countDown();
                    awaitQuietly(done);
                    return claimed;
                }));
                assertThat(holding.await(Workers.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the holder started")
                        .isTrue();

                // The second claim may wait for the holder's commit (as PostgreSQL does) or see it at once.
                var racer = workers.start(() -> other.inTransaction(tx ->
                        tx.conversations().claim("support-mail", "<race@xinghe.example>", T0)));
                done.countDown();
                boolean held = Workers.await(holder);
                boolean raced = Workers.await(racer);

                assertThat(held).as("the claim of the first transaction").isTrue();
                assertThat(raced).as("the claim of another instance while or after the first commits").isFalse();
            }
        }

        @Test
        void aFollowUpsPlanKeyIsTakenByOneInstanceOnly() throws InterruptedException {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            var planned = SampleRecords.followUpOf(ticket, T0.plus(Duration.ofDays(3)));
            var twin = SampleRecords.followUpOf(ticket, T0.plus(Duration.ofDays(3)));
            String key = "closure:" + ticket.id() + ":SATISFACTION_CHECK";
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData();
                 var workers = Workers.named("storage-plan-key")) {
                run(node, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                });
                var holding = new CountDownLatch(1);
                var done = new CountDownLatch(1);
                var holder = workers.start(() -> node.inTransaction(tx -> {
                    boolean stored = tx.followUps().insertIfAbsent(planned, key);
                    holding.countDown();
                    awaitQuietly(done);
                    return stored;
                }));
                assertThat(holding.await(Workers.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the holder started")
                        .isTrue();

                // The second insert may wait for the holder's commit (as PostgreSQL does) or see it at once.
                var racer = workers.start(() -> other.inTransaction(tx -> tx.followUps().insertIfAbsent(twin, key)));
                done.countDown();
                boolean held = Workers.await(holder);
                boolean raced = Workers.await(racer);
                Optional<FollowUp> stored = other.inTransaction(tx -> tx.followUps().findByPlanKey(key));

                assertThat(held).as("the first transaction's insert").isTrue();
                assertThat(raced).as("another instance's insert of the same plan key").isFalse();
                assertThat(stored).contains(planned);
            }
        }

        @Test
        void aClusterSuggestedByAnOpenTransactionIsNotSuggestedAgainByAnotherInstance() throws InterruptedException {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            var member = new TaggedTicket(ticket.id(), customer.id(), ticket.createdAt());
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData();
                 var workers = Workers.named("storage-suggestion")) {
                run(node, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                });
                var holding = new CountDownLatch(1);
                var done = new CountDownLatch(1);
                var holder = workers.start(() -> node.inTransaction(tx -> {
                    boolean stored = tx.suggestions().insert(suggestion(ticket, "invoice"), List.of(member));
                    holding.countDown();
                    awaitQuietly(done);
                    return stored;
                }));
                assertThat(holding.await(Workers.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the holder started")
                        .isTrue();

                // The same type and tag in another case: the same cluster. The racer may wait for the holder's commit.
                var racer = workers.start(() -> other.inTransaction(tx ->
                        tx.suggestions().insert(suggestion(ticket, "INVOICE"), List.of(member))));
                done.countDown();
                boolean held = Workers.await(holder);
                boolean raced = Workers.await(racer);
                List<TaggedTicket> tagged = other.inTransaction(tx -> tx.tickets().tagged(ticket.type(), "Invoice",
                        ticket.createdAt(), 10));

                assertThat(held).as("the suggestion of the first transaction").isTrue();
                assertThat(raced).as("the same cluster from another instance while or after the first commits")
                        .isFalse();
                assertThat(tagged).as("the ticket by its tag, ignoring case").containsExactly(member);
            }
        }

        @Test
        void aDueSlaAlarmIsRaisedByOneInstanceOnly() {
            var customer = SampleRecords.customer();
            List<Ticket> tickets = IntStream.range(0, 3)
                    .mapToObj(i -> SampleRecords.ticketOf(customer, T0.plus(Duration.ofMinutes(30 + i)))).toList();
            Instant now = T0.plus(Duration.ofMinutes(10));
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData()) {
                run(node, tx -> {
                    tx.customers().insert(customer);
                    tickets.forEach(tx.tickets()::insert);
                });
                List<Callable<List<TicketId>>> rounds = Stream.of(node, other)
                        .<Callable<List<TicketId>>>map(storage -> () -> raiseDueAlarms(storage, now)).toList();

                List<TicketId> raised = Workers.runAll("storage-alarm", rounds).stream().flatMap(List::stream)
                        .toList();
                List<Ticket> stored = node.inTransaction(tx -> tx.tickets().findAll(tickets.stream().map(Ticket::id)
                        .toList()));
                List<Ticket> dueAfterwards = other.inTransaction(tx -> tx.tickets().dueForAlarm(now, 10));

                assertThat(raised).as("warnings raised by two instances at once")
                        .containsExactlyInAnyOrderElementsOf(tickets.stream().map(Ticket::id).toList());
                assertThat(stored).extracting(Ticket::version).containsOnly(2L);
                assertThat(dueAfterwards).as("due after the warnings were raised").isEmpty();
            }
        }

        @Test
        void countersHandOutDistinctValuesToInstancesAtOnce() {
            int takesEach = 25;
            try (Storage node = createMinimal(); Storage other = secondInstanceOnSameData()) {
                List<Callable<List<long[]>>> takers = Stream.of(node, other, node, other)
                        .<Callable<List<long[]>>>map(storage -> () -> {
                            var taken = new ArrayList<long[]>();
                            for (int i = 0; i < takesEach; i++) {
                                taken.add(storage.inTransaction(tx -> new long[]{tx.next(Counter.TICKET_NUMBER),
                                        tx.next(Counter.CUSTOMER_CODE)}));
                            }
                            return taken;
                        }).toList();

                List<long[]> taken = Workers.runAll("storage-counter", takers).stream().flatMap(List::stream).toList();

                assertThat(taken).extracting(pair -> pair[0]).as("ticket numbers").hasSize(4 * takesEach)
                        .doesNotHaveDuplicates();
                assertThat(taken).extracting(pair -> pair[1]).as("customer codes").hasSize(4 * takesEach)
                        .doesNotHaveDuplicates();
            }
        }
    }

    /** Follow-ups, found by their plan key and by when the due-work scan must look at them next. */
    @Nested
    public class FollowUps {
        @Test
        void aFollowUpIsReadBackAsWrittenAndComesDueByItsNextAlarm() {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            var planned = SampleRecords.followUpOf(ticket, T0.plus(Duration.ofDays(3)));
            var announced = planned.announced(planned.dueAt());
            try (Storage storage = createMinimal()) {
                run(storage, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                    assertThat(tx.followUps().insertIfAbsent(planned, "closure:" + ticket.id())).isTrue();
                });

                Optional<FollowUp> read = storage.inTransaction(tx -> tx.followUps().find(planned.id()));
                List<FollowUp> dueBefore = storage.inTransaction(tx -> tx.followUps().dueForAlarm(
                        planned.dueAt().minusSeconds(1), 10));
                List<FollowUp> dueAt = storage.inTransaction(tx -> tx.followUps().dueForAlarm(planned.dueAt(), 10));
                boolean updated = storage.inTransaction(tx -> tx.followUps().update(announced, planned.version()));
                boolean stale = storage.inTransaction(tx -> tx.followUps().update(announced, planned.version()));
                List<FollowUp> dueLater = storage.inTransaction(tx -> tx.followUps().dueForAlarm(
                        planned.overdueAt().minusSeconds(1), 10));
                List<FollowUp> dueOverdue = storage.inTransaction(tx -> tx.followUps().dueForAlarm(
                        planned.overdueAt(), 10));

                assertThat(read).contains(planned);
                assertThat(dueBefore).isEmpty();
                assertThat(dueAt).containsExactly(planned);
                assertThat(updated).isTrue();
                assertThat(stale).as("an update from a stale read").isFalse();
                assertThat(dueLater).as("announced: next due when overdue").isEmpty();
                assertThat(dueOverdue).containsExactly(announced);
            }
        }
    }

    /** Customers' status links, found by the hash of their token only. */
    @Nested
    public class StatusLinks {
        @Test
        void aLinkIsFoundByItsTokenHashAsWrittenAndNoOtherHashFindsIt() {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            var link = new StatusLink("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", ticket.id(),
                    T0, T0.plusSeconds(5), T0.plus(Duration.ofDays(14)));
            try (Storage storage = createMinimal()) {
                run(storage, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                    tx.statusLinks().insert(link);
                });

                Optional<StatusLink> found = storage.inTransaction(tx -> tx.statusLinks().find(link.tokenHash()));
                Optional<StatusLink> other = storage.inTransaction(tx ->
                        tx.statusLinks().find("0" + link.tokenHash().substring(1)));

                assertThat(found).contains(link);
                assertThat(other).isEmpty();
            }
        }
    }

    /** Tickets' conversations on channels, and the ledger that files each inbound message once. */
    @Nested
    public class Conversations {
        @Test
        void aMessageIsClaimedOnceAndRemembersTheTicketItWasFiledOn() {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer);
            try (Storage storage = createMinimal()) {
                run(storage, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                });

                boolean first = storage.inTransaction(tx -> {
                    boolean claimed = tx.conversations().claim("support-mail", "<m1@xinghe.example>", T0);
                    tx.conversations().file("support-mail", "<m1@xinghe.example>", ticket.id());
                    return claimed;
                });
                boolean again = storage.inTransaction(tx ->
                        tx.conversations().claim("support-mail", "<m1@xinghe.example>", T0.plusSeconds(60)));
                boolean onAnotherChannel = storage.inTransaction(tx ->
                        tx.conversations().claim("chat", "<m1@xinghe.example>", T0));
                Optional<TicketId> filedOn = storage.inTransaction(tx ->
                        tx.conversations().filedOn("support-mail", "<m1@xinghe.example>"));
                Optional<TicketId> claimedButNotFiled = storage.inTransaction(tx ->
                        tx.conversations().filedOn("chat", "<m1@xinghe.example>"));

                assertThat(first).as("the first claim").isTrue();
                assertThat(again).as("a second claim of the same message").isFalse();
                assertThat(onAnotherChannel).as("the same id on another channel").isTrue();
                assertThat(filedOn).contains(ticket.id());
                assertThat(claimedButNotFiled).isEmpty();
            }
        }

        @Test
        void messagesAreReadBackAsWrittenAndFindTheirTicketByReferenceOrThread() {
            var customer = SampleRecords.customer();
            var older = SampleRecords.ticketOf(customer);
            var newer = SampleRecords.ticketOf(customer);
            var first = SampleRecords.customerMessage(older, "<m1@xinghe.example>", List.of(), "thread-1", T0);
            var answer = SampleRecords.customerMessage(older, "<m2@xinghe.example>",
                    List.of("<m1@xinghe.example>"), "thread-1", T0.plusSeconds(60));
            var forwarded = SampleRecords.customerMessage(newer, "<m3@xinghe.example>",
                    List.of("<m1@xinghe.example>"), "thread-1", T0.plusSeconds(120));
            try (Storage storage = createMinimal()) {
                run(storage, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(older);
                    tx.tickets().insert(newer);
                    tx.conversations().add(first);
                    tx.conversations().add(answer);
                    tx.conversations().add(forwarded);
                });

                List<TicketMessage> conversation = storage.inTransaction(tx -> tx.conversations().of(older.id()));
                Optional<TicketMessage> found = storage.inTransaction(tx ->
                        tx.conversations().find("support-mail", "<m2@xinghe.example>"));
                Optional<TicketId> byReference = storage.inTransaction(tx ->
                        tx.conversations().ticketOf(List.of("<m9@xinghe.example>", "<m2@xinghe.example>")));
                Optional<TicketId> byNewestReference = storage.inTransaction(tx ->
                        tx.conversations().ticketOf(List.of("<m2@xinghe.example>", "<m3@xinghe.example>")));
                Optional<TicketId> byThread = storage.inTransaction(tx ->
                        tx.conversations().ticketOfThread("support-mail", "thread-1"));
                Optional<TicketId> unknownThread = storage.inTransaction(tx ->
                        tx.conversations().ticketOfThread("chat", "thread-1"));

                assertThat(conversation).as("the older ticket's conversation, in the order added")
                        .containsExactly(first, answer);
                assertThat(found).contains(answer);
                assertThat(byReference).contains(older.id());
                assertThat(byNewestReference).as("of two referenced messages, the ticket of the one added last")
                        .contains(newer.id());
                assertThat(byThread).as("the ticket of the message added last to the thread").contains(newer.id());
                assertThat(unknownThread).isEmpty();
            }
        }
    }

    /** The aggregates reports are computed from: what happened in a window, and nothing outside it. */
    @Nested
    public class Reports {
        @Test
        void aWindowCountsTheTicketsOpenedAndAnsweredInItAndTheCustomersRecordedInIt() {
            var customer = SampleRecords.customer();
            var ticket = SampleRecords.ticketOf(customer).toBuilder()
                    .firstRespondedAt(Optional.of(T0.plus(Duration.ofMinutes(10)))).build();
            var hour = Duration.ofHours(1);
            LocalDate day = T0.atZone(ZoneOffset.UTC).toLocalDate();
            try (Storage storage = createMinimal()) {
                run(storage, tx -> {
                    tx.customers().insert(customer);
                    tx.tickets().insert(ticket);
                    tx.reports().recordFirstResponseTime(ticket.id(), Duration.ofMinutes(10));
                });

                var around = storage.inTransaction(tx -> tx.reports().tickets(T0.minus(hour), T0.plus(hour),
                        Optional.empty(), Optional.empty()));
                var later = storage.inTransaction(tx -> tx.reports().tickets(T0.plus(hour), T0.plus(hour.multipliedBy(2)),
                        Optional.empty(), Optional.empty()));
                var byType = storage.inTransaction(tx -> tx.reports().tickets(T0.minus(hour), T0.plus(hour),
                        Optional.of(SampleRecords.SUPPORT), Optional.of(Grouping.TYPE)));
                var customers = storage.inTransaction(tx -> tx.reports().customers(T0.minus(hour), T0.plus(hour), day,
                        day.plusDays(1)));

                assertThat(around).singleElement().satisfies(overall -> {
                    assertThat(overall.group()).isEmpty();
                    assertThat(overall.openedByType()).containsExactly(Map.entry(ticket.type(), 1L));
                    assertThat(overall.openedByChannel()).containsExactly(Map.entry(ticket.channel(), 1L));
                    assertThat(overall.firstResponses()).isEqualTo(1);
                    assertThat(overall.withinTarget()).isEqualTo(1);
                    assertThat(overall.median()).contains(Duration.ofMinutes(10));
                    assertThat(overall.p90()).contains(Duration.ofMinutes(10));
                });
                assertThat(later).singleElement().satisfies(overall -> {
                    assertThat(overall.openedByType()).isEmpty();
                    assertThat(overall.firstResponses()).isZero();
                });
                assertThat(byType).extracting(t -> t.group().orElse("overall"))
                        .containsExactly("overall", ticket.type());
                assertThat(customers.created()).isEqualTo(1);
                assertThat(customers.referred()).as("the sample customer came by referral").isEqualTo(1);
            }
        }
    }

    /** What a health check sees. */
    @Nested
    public class Health {
        @Test
        void aWorkingStorageIsHealthyAndAskingNeverThrows() {
            Storage storage = createMinimal();
            try {
                run(storage, tx -> tx.next(Counter.TICKET_NUMBER));

                assertThat(storage.isHealthy()).isTrue();
            } finally {
                storage.close();
            }
            assertThatCode(storage::isHealthy).as("isHealthy() after close()").doesNotThrowAnyException();
        }
    }

    /** Runs {@code work} in a transaction of its own. */
    protected static void run(Storage storage, Consumer<Transaction> work) {
        storage.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Appends {@code count} events of distinct subjects and fans them out to {@value #SUBSCRIBER}, as the SDK does. */
    private static void appendAndFanOut(Storage storage, int count) {
        run(storage, tx -> {
            for (int i = 0; i < count; i++) {
                tx.outbox().append(new TicketClosed(TicketId.of("t-contract-" + i), T0, SampleRecords.AGENT));
            }
        });
        run(storage, tx -> {
            tx.deliveries().register(List.of(SUBSCRIBER), T0);
            assertThat(tx.deliveries().takeFanOutTurn()).as("the fan-out turn, uncontended").isTrue();
            List<OutboxEntry> events = tx.outbox().undelivered(count);
            tx.deliveries().enqueue(events, tx.deliveries().subscribers(T0), T0);
            tx.outbox().markDelivered(positions(events));
        });
    }

    private static List<PendingDelivery> claim(Storage storage, Lease lease, Instant now) {
        return storage.inTransaction(tx -> tx.deliveries().claim(SUBSCRIBER, lease, now, 10));
    }

    /** Claims a few at a time, each under a lease of its own, until a claim finds nothing left. */
    private static List<Long> claimUntilNoneIsLeft(Storage storage) {
        var claimed = new ArrayList<Long>();
        for (int round = 0; round < 100; round++) {
            var lease = new Lease("lease-" + UUID.randomUUID(), T0.plus(Duration.ofMinutes(5)));
            List<PendingDelivery> batch = storage.inTransaction(tx -> tx.deliveries().claim(SUBSCRIBER, lease, T0, 2));
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(delivery -> claimed.add(delivery.id()));
        }
        return claimed;
    }

    /** What the SLA engine does on each node: raise the warning of every due ticket, with the version it read. */
    private static List<TicketId> raiseDueAlarms(Storage storage, Instant now) {
        return storage.inTransaction(tx -> {
            var raised = new ArrayList<TicketId>();
            for (Ticket due : tx.tickets().dueForAlarm(now, 10)) {
                if (tx.tickets().update(SampleRecords.warned(due, now), due.version())) {
                    raised.add(due.id());
                }
            }
            return raised;
        });
    }

    private static ImprovementSuggestion suggestion(Ticket ticket, String tag) {
        return new ImprovementSuggestion(SuggestionId.of(UUID.randomUUID().toString()), ticket.type(), tag,
                ticket.departmentId(), List.of(ticket.customerId()), List.of(ticket.id()), SuggestionState.OPEN,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), T0,
                ticket.createdAt());
    }

    private static List<Long> positions(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::position).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(Workers.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
