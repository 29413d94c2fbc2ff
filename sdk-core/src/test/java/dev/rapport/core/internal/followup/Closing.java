package dev.rapport.core.internal.followup;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;

import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aTicket;

/** A complaint of a customer, worked to closure by an agent of After-Sales, as the agent would. */
final class Closing {
    private Closing() {
    }

    /** Opens, assigns, resolves and closes (SATISFIED) a complaint of {@code customer}, handled by {@code agent}. */
    static Ticket closedBy(Rapport rapport, CustomerId customer, User agent) {
        return close(rapport, assigned(rapport, customer, agent), agent);
    }

    /** A complaint of {@code customer} assigned to {@code agent}. */
    static Ticket assigned(Rapport rapport, CustomerId customer, User agent) {
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer).build());
        return rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
    }

    /** Works on, resolves and closes the ticket as {@code worker} does. */
    static Ticket close(Rapport rapport, Ticket ticket, User worker) {
        var actor = Actor.of(worker);
        var working = rapport.tickets().addProgress(actor, ticket.id(), AddProgress.note("Looking into it.",
                Visibility.CUSTOMER, ticket.version()));
        var resolved = rapport.tickets().resolve(actor, ticket.id(), new ResolveTicket(working.version(),
                "Restarted the sync job and replayed the missed orders.", CommunicationMethod.PHONE));
        return rapport.tickets().confirm(actor, ticket.id(), new ConfirmResolution(resolved.version(),
                Opinion.SATISFIED, Optional.of(CommunicationMethod.PHONE), Optional.empty()));
    }
}
