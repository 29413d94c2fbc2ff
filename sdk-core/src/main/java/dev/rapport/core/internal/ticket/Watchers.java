package dev.rapport.core.internal.ticket;

import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.internal.audit.ChangeSet;

/**
 * Who follows a ticket besides its department and assignee. SPEC §4: key-account tickets add the account manager as
 * a watcher, who may then read the ticket.
 */
final class Watchers {
    private Watchers() {
    }

    /**
     * Adds the account manager of a key-account customer as a watcher of the ticket being opened, audited. Other
     * tickets touch no watcher at all, which keeps intake cheap.
     */
    static void onOpen(Transaction tx, Ticket ticket, Actor actor) {
        tx.customers().keyAccountManager(ticket.customerId()).ifPresent(manager -> {
            tx.watchers().add(ticket.id(), manager, ticket.createdAt());
            tx.audit().append(ChangeSet.create().added("watcherId", manager)
                    .entry("ticket", ticket.id().value(), ticket.createdAt(), actor, "ticket.watcher.added"));
        });
    }
}
