package dev.rapport.core.internal.ticket;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §4: key-account tickets add the account manager as a watcher, who may read them. */
class WatchersTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T01:00:00Z"));
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;
    private User manager;

    private void start(TestDatabase db) {
        rapport = rapports.start(db);
        manager = user(rapport, Role.ACCOUNT_MANAGER, "account-management");
    }

    /** A complaint, routed to After-Sales: outside the account manager's department. */
    private Ticket complaintOfKeyAccount() {
        var keyAccount = rapport.customers().create(Actor.system(),
                aCustomer().keyAccount(true).accountManagerId(manager.id()).build());
        return rapport.tickets().open(Actor.system(), aTicket(keyAccount.id()).build());
    }

    @StorageTest
    void aKeyAccountsTicketIsWatchedByItsAccountManagerWhoMayReadIt(TestDatabase db) {
        start(db);
        var ticket = complaintOfKeyAccount();

        var details = rapport.tickets().get(Actor.of(manager), ticket.id());

        assertThat(details.watchers()).containsExactly(manager.id());
        assertThat(details.ticket().id()).isEqualTo(ticket.id());
        assertThat(rapport.tickets().history(Actor.of(manager), ticket.id())).extracting(AuditEntry::action)
                .containsExactly("ticket.opened", "ticket.watcher.added");
        assertThat(rapport.attachments().list(Actor.of(manager), ticket.id())).isEmpty();
    }

    @StorageTest
    void watchingIsReadingNotWorking(TestDatabase db) {
        start(db);
        var ticket = complaintOfKeyAccount();

        assertThatThrownBy(() -> rapport.tickets().addProgress(Actor.of(manager), ticket.id(),
                AddProgress.note("Customer called me", Visibility.INTERNAL, ticket.version())))
                .isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void otherTicketsHaveNoWatcherAndStayOutOfTheAccountManagersReach(TestDatabase db) {
        start(db);
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
        var managedOnly = rapport.customers().create(Actor.system(),
                aCustomer().accountManagerId(manager.id()).build());
        var notKey = rapport.tickets().open(Actor.system(), aTicket(managedOnly.id()).build());

        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).watchers()).isEmpty();
        assertThat(rapport.tickets().get(Actor.system(), notKey.id()).watchers()).isEmpty();
        // Out of reach: as if they did not exist.
        assertThatThrownBy(() -> rapport.tickets().get(Actor.of(manager), ticket.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.tickets().history(Actor.of(manager), notKey.id()))
                .isInstanceOf(NotFoundException.class);
    }
}
