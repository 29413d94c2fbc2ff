package dev.rapport.api.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened with a customer, for the 360° view.
 *
 * @param refId   the id of the ticket, interaction, purchase or follow-up
 * @param summary a line for people to read; never contact phones or e-mails
 */
public record TimelineEntry(Instant at, Kind kind, String refId, String summary) {
    /** What an entry is about. */
    public enum Kind { TICKET, INTERACTION, PURCHASE, FOLLOW_UP }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(refId, "refId");
        Objects.requireNonNull(summary, "summary");
    }
}
