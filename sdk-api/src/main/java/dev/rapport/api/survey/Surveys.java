package dev.rapport.api.survey;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.TicketId;

import java.util.List;

/**
 * Satisfaction surveys (SPEC §6): when a ticket closes and a survey provider is configured, the SDK creates one survey
 * and has the provider issue its invitation; the customer answers once, before it expires. The public side (a form
 * behind a link) takes no actor: the token is the credential, and requests are rate-limited per client address.
 */
public interface Surveys {
    /**
     * The surveys of a ticket with their state and answers, oldest first; needs read access to the ticket.
     *
     * @throws NotFoundException  when there is no such ticket
     * @throws ForbiddenException when the actor may not read it
     */
    List<Survey> ofTicket(Actor actor, TicketId ticket);

    /**
     * What the public form needs for {@code token}, in any state: the form takes an answer only while INVITED.
     *
     * @param clientAddress where the request comes from, for the rate limit
     * @throws NotFoundException    when no survey has that token
     * @throws RateLimitedException when the address sent too many requests lately
     */
    SurveyForm form(String token, String clientAddress);

    /**
     * Answers the survey of {@code token}: stored with its {@code SurveyCompleted} event in one transaction. One answer
     * per survey, also when two race; nothing is stored on any refusal.
     *
     * @param clientAddress where the request comes from, for the rate limit
     * @return the form as it is now, ANSWERED
     * @throws NotFoundException    when no survey has that token
     * @throws ConflictException    when it was answered already ({@code survey.answered})
     * @throws GoneException        when it expired ({@code survey.expired})
     * @throws ValidationException  naming every missing or out-of-range score, and a comment that is too long
     * @throws RateLimitedException when the address sent too many requests lately
     */
    SurveyForm answer(String token, SurveyAnswer answer, String clientAddress);

    /**
     * Records an answer the customer gave another way (by phone, in person) on their behalf; needs the right to work
     * the ticket. The same rules as {@link #answer} apply, and the entry is audited under the actor.
     *
     * @throws NotFoundException    when there is no such survey
     * @throws ForbiddenException   when the actor may not work the survey's ticket
     * @throws ConflictException    when it was answered already
     * @throws GoneException        when it expired
     * @throws ValidationException  naming every missing or out-of-range score
     */
    Survey record(Actor actor, SurveyId survey, SurveyAnswer answer);

    /**
     * Sends the survey's invitation to the customer again, through the channel of their latest message on the ticket:
     * users never see the link itself. Needs the right to work the ticket; audited as {@code survey.resent}.
     *
     * @return the survey as users see it, without its link
     * @throws NotFoundException  when there is no such survey
     * @throws ForbiddenException when the actor may not work the survey's ticket
     * @throws ConflictException  when it is not INVITED ({@code survey.not-invited}), or no channel that can answer
     *                            reaches the customer ({@code survey.no-channel})
     */
    Survey resend(Actor actor, SurveyId survey);
}
