package dev.rapport.api.ticket;

import java.util.List;

/**
 * Replaces a ticket's tags.
 *
 * @param version the version of the ticket the caller read
 * @param tags    the complete new list: trimmed, compared ignoring case, at most 10 of at most 40 characters each;
 *                empty removes every tag
 */
public record TagTicket(long version, List<String> tags) {
    public TagTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
