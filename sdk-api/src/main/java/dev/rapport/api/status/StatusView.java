package dev.rapport.api.status;

import dev.rapport.api.ticket.TicketStatus;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a status link shows the customer: their own ticket and nothing else, no staff names and no internal notes.
 *
 * @param progress   the customer-visible progress entries, oldest first
 * @param solution   the solution of the resolution the link was sent for, while that resolution stands
 * @param canConfirm whether the link still takes the customer's confirmation: the ticket is RESOLVED by that
 *                   resolution, which nobody confirmed yet, and the link has not expired
 * @param expiresAt  until when the link takes a confirmation
 * @param locale     the language the customer last wrote to us in (zh-CN or en), for the page's default
 */
public record StatusView(String number, TicketStatus status, Optional<String> title, List<StatusEntry> progress,
                         Optional<String> solution, boolean canConfirm, Instant expiresAt, Locale locale) {
    public StatusView {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        progress = List.copyOf(progress);
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(locale, "locale");
    }
}
