package dev.rapport.storage.jdbc;

import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Departments and ticket types: catalogs seeded by every node on start, hence insert-if-absent. */
class CatalogStoresTest {
    private static final Department SALES = new Department(DepartmentId.of("sales"), "Sales");
    private static final Department AFTER_SALES = new Department(DepartmentId.of("after-sales"), "After-Sales");
    private static final TicketType COMPLAINT =
            new TicketType("COMPLAINT", "Complaint", AFTER_SALES.id(), LifecycleStage.AFTER_SALES);
    private static final TicketType CONSULTATION =
            new TicketType("CONSULTATION", "Consultation", SALES.id(), LifecycleStage.PRE_SALES);

    @StorageTest
    void aDepartmentIsInsertedOnlyIfItsIdIsNew(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            boolean first = storage.get(tx -> tx.departments().insertIfAbsent(SALES));
            boolean again = storage.get(tx -> tx.departments().insertIfAbsent(new Department(SALES.id(), "Renamed")));

            var found = storage.get(tx -> tx.departments().find(SALES.id()));
            var unknown = storage.get(tx -> tx.departments().find(DepartmentId.of("finance")));
            assertThat(first).isTrue();
            assertThat(again).isFalse();
            assertThat(found).contains(SALES);
            assertThat(unknown).isEmpty();
        }
    }

    @StorageTest
    void departmentsAreListedByName(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> List.of(SALES, AFTER_SALES).forEach(tx.departments()::insertIfAbsent));

            var departments = storage.get(tx -> tx.departments().list());

            assertThat(departments).containsExactly(AFTER_SALES, SALES);
        }
    }

    @StorageTest
    void aTicketTypeIsInsertedOnlyIfItsCodeIsNewAndTheCatalogIsListedByCode(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            boolean complaint = storage.get(tx -> tx.ticketTypes().insertIfAbsent(COMPLAINT));
            boolean consultation = storage.get(tx -> tx.ticketTypes().insertIfAbsent(CONSULTATION));
            boolean again = storage.get(tx -> tx.ticketTypes().insertIfAbsent(
                    new TicketType("COMPLAINT", "Other", SALES.id(), LifecycleStage.IN_SALES)));

            var found = storage.get(tx -> tx.ticketTypes().find("COMPLAINT"));
            var catalog = storage.get(tx -> tx.ticketTypes().list());
            assertThat(List.of(complaint, consultation, again)).containsExactly(true, true, false);
            assertThat(found).contains(COMPLAINT);
            assertThat(catalog).containsExactly(COMPLAINT, CONSULTATION);
        }
    }

    @StorageTest
    void twoTransactionsRacingForOneDepartmentInsertItOnce(TestDatabase db) throws Exception {
        try (var storage = TestStorage.on(db)) {
            var firstInserted = new CountDownLatch(1);
            var first = CompletableFuture.supplyAsync(() -> storage.get(tx -> {
                boolean inserted = tx.departments().insertIfAbsent(SALES);
                firstInserted.countDown();
                // Holds the uncommitted row while the second transaction tries the same key.
                sleep(200);
                return inserted;
            }));
            assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
            var second = CompletableFuture.supplyAsync(() -> storage.get(tx -> tx.departments().insertIfAbsent(SALES)));

            assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
                    .containsExactly(true, false);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
