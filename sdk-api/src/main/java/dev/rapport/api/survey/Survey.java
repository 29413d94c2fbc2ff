package dev.rapport.api.survey;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.ticket.TicketId;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One invitation to rate one closed ticket (SPEC §6), created when the ticket closes and issued by the configured
 * survey provider. It carries no contact details and never its token; the link that holds the token only for the host
 * itself ({@link dev.rapport.api.security.Actor#system()}): a user who could follow it could answer in the customer's
 * place, so users see the state and the answers only, and the link reaches the customer through the ticket's channel.
 *
 * @param provider    the survey provider instance that issues it ({@code rapport.surveys.<name>})
 * @param locale      the customer's language, zh-CN or en: of the invitation and, by default, of the form
 * @param state       as of when it was read: an unanswered survey past {@code expiresAt} is {@code EXPIRED}
 * @param link        where the customer answers, once the provider issued the invitation and if it hosts a form; empty
 *                    whenever a user reads the survey
 * @param channel     the channel the link went to the customer by; empty when it did not go out
 * @param invitedAt   when the provider issued the invitation
 * @param answeredAt  when it was answered
 * @param answer      the answer, every score present
 */
public record Survey(SurveyId id, TicketId ticketId, String ticketNumber, CustomerId customerId, String provider,
                     Locale locale, SurveyState state, Optional<URI> link, Optional<String> channel,
                     Instant createdAt, Optional<Instant> invitedAt, Instant expiresAt,
                     Optional<Instant> answeredAt, Optional<SurveyAnswer> answer) {
    public Survey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(invitedAt, "invitedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(answer, "answer");
    }

    /** This survey without its link, as users read it. */
    public Survey withoutLink() {
        return new Survey(id, ticketId, ticketNumber, customerId, provider, locale, state, Optional.empty(), channel,
                createdAt, invitedAt, expiresAt, answeredAt, answer);
    }

    /** This survey in {@code newState}. */
    public Survey withState(SurveyState newState) {
        return new Survey(id, ticketId, ticketNumber, customerId, provider, locale, newState, link, channel, createdAt,
                invitedAt, expiresAt, answeredAt, answer);
    }
}
