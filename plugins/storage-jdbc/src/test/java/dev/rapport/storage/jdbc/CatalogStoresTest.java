package dev.rapport.storage.jdbc;

import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.List;

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
        var database = db.fresh();
        try (var storage = TestStorage.on(database)) {
            var results = Race.run(database, storage, tx -> tx.departments().insertIfAbsent(SALES),
                    tx -> tx.departments().insertIfAbsent(SALES));

            assertThat(results).as("the holder's insert, the racer's").containsExactly(true, false);
        }
    }
}
