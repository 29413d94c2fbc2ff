package dev.rapport.core.internal.survey;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.SurveyCompleted;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyForm;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.survey.Surveys;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.ServiceRecovery;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.channel.AddressRateLimit;
import dev.rapport.core.internal.ticket.TicketService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The surveys of closed tickets: agents read them with the ticket; customers see the form of their token and answer it
 * once, before it expires. An answer, its audit entry, its {@link SurveyCompleted} and, for a low score, the
 * {@link ServiceRecovery} commit together.
 */
public final class SurveyService implements Surveys {
    private static final String RATE_SCOPE = "surveys";

    private final Transactions transactions;
    private final Clock clock;
    private final TicketService tickets;
    private final ServiceRecovery recovery;
    private final SurveySettings settings;
    private final AddressRateLimit rateLimit;
    private final SurveyIssuing issuing;

    public SurveyService(Transactions transactions, Clock clock, TicketService tickets, ServiceRecovery recovery,
                         SurveySettings settings, SurveyIssuing issuing) {
        this.issuing = issuing;
        this.transactions = transactions;
        this.clock = clock;
        this.tickets = tickets;
        this.recovery = recovery;
        this.settings = settings;
        this.rateLimit = new AddressRateLimit(clock, "survey.rate-limited",
                "Too many requests from this address; try again later");
    }

    @Override
    public List<Survey> ofTicket(Actor actor, TicketId ticket) {
        return transactions.read(tx -> {
            tickets.readable(tx, actor, ticket);
            Instant now = clock.instant();
            return tx.surveys().ofTicket(ticket).stream().map(s -> SurveyRules.asOf(s, now))
                    .map(s -> actor.isSystem() ? s : s.withoutLink()).toList();
        });
    }

    @Override
    public SurveyForm form(String token, String clientAddress) {
        rateLimit.acquire(RATE_SCOPE, clientAddress, settings.rateLimit(), settings.rateWindow());
        var survey = transactions.read(tx -> byToken(tx, token));
        return form(SurveyRules.asOf(survey, clock.instant()));
    }

    @Override
    public SurveyForm answer(String token, SurveyAnswer answer, String clientAddress) {
        rateLimit.acquire(RATE_SCOPE, clientAddress, settings.rateLimit(), settings.rateWindow());
        return form(transactions.write(tx -> store(tx, byToken(tx, token), answer, Actor.system())));
    }

    @Override
    public Survey record(Actor actor, SurveyId id, SurveyAnswer answer) {
        return transactions.write(tx -> {
            var survey = tx.surveys().find(id).orElseThrow(() -> NotFoundException.of("survey", id.value()));
            tickets.workable(tx, actor, survey.ticketId());
            return store(tx, survey, answer, actor);
        });
    }

    @Override
    public Survey resend(Actor actor, SurveyId id) {
        return transactions.write(tx -> {
            var found = tx.surveys().find(id).orElseThrow(() -> NotFoundException.of("survey", id.value()));
            var ticket = tickets.workable(tx, actor, found.ticketId());
            Instant now = clock.instant();
            var survey = SurveyRules.asOf(found, now);
            if (survey.state() != SurveyState.INVITED) {
                throw ConflictException.of("survey.not-invited", "Only an invited survey, neither answered nor expired,"
                        + " can be sent again; this one is " + survey.state());
            }
            var channel = issuing.resend(tx, survey, ticket, now, actor).orElseThrow(() -> ConflictException.of(
                    "survey.no-channel", "No channel that can answer reaches this ticket's customer"));
            tx.audit().append(ChangeSet.create().added("surveyId", id.value()).added("sentBy", channel)
                    .entry("ticket", ticket.id().value(), now, actor, "survey.resent"));
            return survey.withoutLink();
        });
    }

    /** Refuses an answered, expired or invalid answer (in that order), then stores it unless a racing answer won. */
    private Survey store(Transaction tx, Survey found, SurveyAnswer answer, Actor actor) {
        Instant now = clock.instant();
        var survey = SurveyRules.asOf(found, now);
        if (survey.state() == SurveyState.ANSWERED) {
            throw answered();
        }
        if (survey.state() == SurveyState.EXPIRED) {
            throw GoneException.surveyExpired();
        }
        var errors = SurveyRules.check(answer);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var stored = SurveyRules.normalized(answer);
        if (!tx.surveys().answer(survey.id(), stored, now)) {
            throw answered();
        }
        var answered = tx.surveys().find(survey.id()).orElseThrow();
        boolean needsRecovery = SurveyRules.needsRecovery(stored);
        tx.audit().append(ChangeSet.create().added("surveyId", survey.id().value())
                .added("responseSpeed", stored.responseSpeed()).added("resolution", stored.resolution())
                .added("attitude", stored.attitude()).added("overall", stored.overall())
                .added("recommend", stored.recommend()).added("commented", stored.comment().isPresent())
                .entry("ticket", survey.ticketId().value(), now, actor, "survey.answered"));
        var assignee = tx.tickets().find(survey.ticketId()).flatMap(t -> t.assigneeId()).stream().toList();
        var events = new ArrayList<DomainEvent>();
        events.add(new SurveyCompleted(survey.id(), survey.ticketId(), survey.ticketNumber(), stored.responseSpeed(),
                stored.resolution(), stored.attitude(), stored.overall(), stored.recommend(),
                stored.comment().isPresent(), needsRecovery, assignee, now, actor.userId()));
        if (needsRecovery) {
            events.addAll(recovery.open(tx, answered, now));
        }
        events.forEach(tx.outbox()::append);
        return answered;
    }

    private static Survey byToken(Transaction tx, String token) {
        return (token == null || token.isBlank() ? Optional.<Survey>empty() : tx.surveys().findByToken(token))
                .orElseThrow(() -> NotFoundException.of("survey", "behind this link"));
    }

    private static ConflictException answered() {
        return ConflictException.of("survey.answered", "This survey has been answered already; it takes one answer");
    }

    private static SurveyForm form(Survey survey) {
        return new SurveyForm(survey.ticketNumber(), survey.state(), survey.expiresAt(), survey.locale());
    }
}
