package dev.rapport.core.internal.survey;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.ReplyQueued;
import dev.rapport.api.event.SurveyInvited;
import dev.rapport.api.event.SurveyRequested;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.spi.survey.SurveyInvitation;
import dev.rapport.api.spi.survey.SurveyRequest;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.event.SurveyInvitations;
import dev.rapport.core.internal.ticket.CustomerReplies;
import dev.rapport.core.internal.ticket.AfterClosure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a closed ticket gets its survey: created in the closing transaction, PENDING, with a {@link SurveyRequested}
 * that the configured provider's subscriber takes from the outbox; the invitation it issues is kept here, and its link
 * goes to the customer as a reply when the ticket came in by a channel that can answer. Without a provider, closing a
 * ticket creates no survey.
 */
public final class SurveyIssuing implements AfterClosure, SurveyInvitations {
    private final Clock clock;
    private final IdGenerator ids;
    private final SurveySettings settings;
    private final Optional<String> issuer;
    private final CustomerReplies replies;
    private final InvitationText texts;

    /**
     * @param issuer  the provider instance that issues new surveys; empty for none
     * @param replies how a link goes back to the customer on the ticket's channel
     * @param zone    the business time zone, for the expiry in the invitation's text
     */
    public SurveyIssuing(Clock clock, IdGenerator ids, SurveySettings settings, Optional<String> issuer,
                         CustomerReplies replies, ZoneId zone) {
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
        this.issuer = issuer;
        this.replies = replies;
        this.texts = new InvitationText(zone);
    }

    @Override
    public List<DomainEvent> closed(Transaction tx, Ticket ticket, Actor actor, Instant closedAt) {
        if (issuer.isEmpty() || !tx.surveys().ofTicket(ticket.id()).isEmpty()) {
            return List.of();
        }
        var survey = new Survey(SurveyId.of(ids.next()), ticket.id(), ticket.number(), ticket.customerId(),
                issuer.get(), SurveyLanguage.of(tx.conversations().of(ticket.id())), SurveyState.PENDING,
                Optional.empty(), Optional.empty(), closedAt, Optional.empty(), closedAt.plus(settings.validity()),
                Optional.empty(), Optional.empty());
        tx.surveys().insert(survey);
        tx.audit().append(ChangeSet.create().added("surveyId", survey.id().value())
                .added("provider", survey.provider()).added("expiresAt", survey.expiresAt())
                .entry("ticket", ticket.id().value(), closedAt, actor, "survey.requested"));
        return List.of(new SurveyRequested(survey.id(), ticket.id(), ticket.number(), survey.provider(),
                survey.expiresAt(), closedAt, actor.userId()));
    }

    /**
     * Queues the invitation of an issued survey to the customer again, on the channel of their latest message on the
     * ticket, inside the caller's transaction.
     *
     * @return the channel it goes by; empty when none that can answer reaches the customer (nothing is queued)
     */
    public Optional<String> resend(Transaction tx, Survey survey, Ticket ticket, Instant now, Actor actor) {
        var events = survey.link().map(link -> replies.queue(tx, ticket,
                texts.of(survey.locale(), survey.ticketNumber(), link, survey.expiresAt()), now, actor))
                .orElse(List.of());
        events.forEach(tx.outbox()::append);
        return events.stream().filter(ReplyQueued.class::isInstance).map(ReplyQueued.class::cast)
                .map(ReplyQueued::channel).findFirst();
    }

    @Override
    public Optional<SurveyRequest> due(Transaction tx, SurveyRequested event) {
        Instant now = clock.instant();
        return tx.surveys().find(event.surveyId())
                .filter(s -> SurveyRules.asOf(s, now).state() == SurveyState.PENDING)
                .map(s -> new SurveyRequest(s.id().value(), s.ticketId(), s.ticketNumber(), s.locale(), s.createdAt(),
                        s.expiresAt()));
    }

    /**
     * Keeps the invitation on a survey still PENDING (a retry or another node may have kept one first: then nothing
     * happens), sends the link to the customer by the ticket's channel when there is one that can answer, and announces
     * it, all in {@code tx}.
     */
    @Override
    public void invited(Transaction tx, SurveyRequest request, SurveyInvitation invitation) {
        var id = SurveyId.of(request.surveyId());
        Instant now = clock.instant();
        if (!tx.surveys().invite(id, invitation.token(), invitation.link(), now)) {
            return;
        }
        var survey = tx.surveys().find(id).orElseThrow();
        var ticket = tx.tickets().find(survey.ticketId()).orElseThrow();
        var events = new ArrayList<DomainEvent>();
        invitation.link().ifPresent(link -> events.addAll(replies.queue(tx, ticket,
                texts.of(survey.locale(), survey.ticketNumber(), link, survey.expiresAt()), now, Actor.system())));
        var channel = events.stream().filter(ReplyQueued.class::isInstance).map(ReplyQueued.class::cast)
                .map(ReplyQueued::channel).findFirst();
        channel.ifPresent(c -> tx.surveys().sentBy(id, c));
        tx.audit().append(ChangeSet.create().added("surveyId", id.value()).added("provider", survey.provider())
                .added("sentBy", channel.orElse(null))
                .entry("ticket", ticket.id().value(), now, Actor.system(), "survey.invited"));
        events.add(new SurveyInvited(id, ticket.id(), ticket.number(), survey.provider(), channel, now,
                Actor.system().userId()));
        events.forEach(tx.outbox()::append);
    }
}
