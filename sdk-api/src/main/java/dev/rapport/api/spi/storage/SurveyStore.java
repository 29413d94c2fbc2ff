package dev.rapport.api.spi.storage;

import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.ticket.TicketId;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tickets' satisfaction surveys. The stored state is PENDING, INVITED or ANSWERED; whether an unanswered survey has
 * expired is the SDK's to say from its {@code expiresAt}. A survey's customer is its ticket's, so a customer merge
 * moves surveys with the tickets.
 */
public interface SurveyStore {
    /** Stores a new PENDING survey of an existing ticket; a ticket has at most one survey. */
    void insert(Survey survey);

    Optional<Survey> find(SurveyId id);

    /** The survey whose invitation has this token. */
    Optional<Survey> findByToken(String token);

    /** The ticket's surveys, oldest first. */
    List<Survey> ofTicket(TicketId ticket);

    /**
     * Keeps the provider's invitation on a PENDING survey, which becomes INVITED. Tokens are unique.
     *
     * @return false when the survey is not PENDING (any more): another attempt recorded an invitation first
     */
    boolean invite(SurveyId id, String token, Optional<URI> link, Instant at);

    /** Records the channel the survey's link went to the customer by. */
    void sentBy(SurveyId id, String channel);

    /**
     * Stores the answer of a survey that has none, atomically: of two racing answers one stores, the other gets false.
     *
     * @param answer every score present
     * @return false when the survey was answered already (or meanwhile)
     */
    boolean answer(SurveyId id, SurveyAnswer answer, Instant at);
}
