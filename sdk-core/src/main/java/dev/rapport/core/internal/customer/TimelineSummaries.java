package dev.rapport.core.internal.customer;

import dev.rapport.api.customer.Interaction;
import dev.rapport.api.customer.Purchase;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.ticket.Ticket;

/** The one-line summaries of timeline entries. Built from fields that carry no contact phone or e-mail. */
final class TimelineSummaries {
    private static final int MAX = 120;

    private TimelineSummaries() {
    }

    static String of(Ticket ticket) {
        return ticket.number() + " " + ticket.type() + " " + ticket.priority() + " " + ticket.status() + ": "
                + shorten(ticket.title().orElse(ticket.description()));
    }

    /**
     * A ticket the reader may not open: what kind of ticket it is and where it stands, without its number, title or
     * description.
     */
    static String withheld(Ticket ticket) {
        return "Ticket of another department (" + ticket.type() + " " + ticket.status()
                + "): not yours to open";
    }

    static String of(Interaction interaction) {
        return interaction.method() + ": " + shorten(interaction.topic());
    }

    static String of(FollowUp followUp) {
        return followUp.kind() + " " + followUp.state() + ": " + shorten(followUp.purpose());
    }

    static String of(Purchase purchase) {
        return "Purchase of " + purchase.amount();
    }

    private static String shorten(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
