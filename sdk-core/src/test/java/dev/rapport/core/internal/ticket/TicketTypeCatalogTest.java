package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §4: the ticket-type catalog is configurable; types are added and changed, never removed. */
class TicketTypeCatalogTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;

    private List<TicketType> withWarranty() {
        var types = new ArrayList<>(rapport.ticketTypes().list(Actor.system()));
        types.add(new TicketType("WARRANTY", "Warranty claim", DepartmentId.of("technical-support"),
                LifecycleStage.AFTER_SALES));
        return types;
    }

    @StorageTest
    void aNewTypeRoutesNewTicketsAtOnce(TestDatabase db) {
        rapport = rapports.start(db);

        var catalog = rapport.ticketTypes().replace(Actor.system(), withWarranty());
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).type("WARRANTY").build());

        assertThat(catalog).extracting(TicketType::code).contains("WARRANTY", "COMPLAINT");
        assertThat(ticket.departmentId()).isEqualTo(DepartmentId.of("technical-support"));
    }

    @StorageTest
    void changesNameEveryBadEntryAndStoreNothing(TestDatabase db) {
        rapport = rapports.start(db);
        var before = rapport.ticketTypes().list(Actor.system());
        var bad = new ArrayList<>(before.subList(1, before.size()));
        bad.add(new TicketType("warranty", "Warranty", DepartmentId.of("technical-support"), LifecycleStage.AFTER_SALES));
        bad.add(new TicketType("REFUND", " ", DepartmentId.of("nowhere"), LifecycleStage.AFTER_SALES));

        assertThatThrownBy(() -> rapport.ticketTypes().replace(Actor.system(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("items[" + (bad.size() - 2) + "].code",
                                "items[" + (bad.size() - 1) + "].name",
                                "items[" + (bad.size() - 1) + "].defaultDepartment", "items"));
        assertThat(rapport.ticketTypes().list(Actor.system())).isEqualTo(before);
    }

    @StorageTest
    void onlyCatalogAdminsChangeIt(TestDatabase db) {
        rapport = rapports.start(db);
        var supervisor = actor(rapport, Role.SUPERVISOR, "customer-service");

        assertThatThrownBy(() -> rapport.ticketTypes().replace(supervisor, withWarranty()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(rapport.ticketTypes().replace(actor(rapport, Role.ADMIN, "customer-service"), withWarranty()))
                .hasSize(6);
    }
}
