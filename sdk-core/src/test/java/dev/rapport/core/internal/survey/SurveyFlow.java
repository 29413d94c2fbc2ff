package dev.rapport.core.internal.survey;

import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.testkit.Eventually;

import java.util.Optional;

/** Steps the survey tests share: a ticket taken to closure, and its survey once invited. */
final class SurveyFlow {
    private SurveyFlow() {
    }

    /** A new ticket of a new customer, assigned, resolved and confirmed SATISFIED: closed. */
    static Ticket closedTicket(Rapport rapport) {
        var customer = Fixtures.customer(rapport);
        var ticket = rapport.tickets().open(Actor.system(), Fixtures.aTicket(customer.id()).build());
        return close(rapport, ticket.id());
    }

    /** Assigns, resolves and confirms the ticket SATISFIED, which closes it. */
    static Ticket close(Rapport rapport, TicketId id) {
        var tickets = rapport.tickets();
        var ticket = tickets.get(Actor.system(), id).ticket();
        if (ticket.assigneeId().isEmpty()) {
            var agent = Fixtures.user(rapport, Role.AGENT, ticket.departmentId().value());
            ticket = tickets.assign(Actor.system(), id, AssignTicket.to(agent.id(), ticket.version()));
        }
        ticket = tickets.addProgress(Actor.system(), id, AddProgress.note("Looking into it", Visibility.INTERNAL,
                ticket.version()));
        ticket = tickets.resolve(Actor.system(), id, new ResolveTicket(ticket.version(), "Replaced the sync job",
                CommunicationMethod.PHONE));
        return tickets.confirm(Actor.system(), id, new ConfirmResolution(ticket.version(), Opinion.SATISFIED,
                Optional.of(CommunicationMethod.PHONE), Optional.empty()));
    }

    /** The ticket's one survey, as it is now. */
    static Survey surveyOf(Rapport rapport, TicketId ticket) {
        var surveys = rapport.surveys().ofTicket(Actor.system(), ticket);
        if (surveys.size() != 1) {
            throw new AssertionError("expected one survey of " + ticket + ", found " + surveys);
        }
        return surveys.getFirst();
    }

    /** The survey once the provider's invitation was kept. */
    static Survey invited(Rapport rapport, TicketId ticket) throws InterruptedException {
        Eventually.until("the invitation kept", () -> surveyOf(rapport, ticket).state() == SurveyState.INVITED);
        return surveyOf(rapport, ticket);
    }

    /** The token in an invited survey's link. */
    static String token(Survey survey) {
        String path = survey.link().orElseThrow().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A ticket closed, and the token of its survey once invited. */
    static String invitedToken(Rapport rapport) throws InterruptedException {
        return token(invited(rapport, closedTicket(rapport).id()));
    }
}
