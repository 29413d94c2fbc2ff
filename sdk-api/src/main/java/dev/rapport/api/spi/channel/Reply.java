package dev.rapport.api.spi.channel;

import dev.rapport.api.ticket.Correspondent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's customer-visible progress entry going back to the customer through the channel the ticket came in by.
 *
 * @param replyId      stable across retries of the same reply; a channel that chooses message ids derives them from
 *                     it, so a resent reply keeps its id
 * @param ticketNumber the ticket's number, e.g. {@code T2026000123}, for the subject line
 * @param to           the sender of the ticket's latest inbound message on this channel
 * @param subject      {@code Re: } and the ticket's subject, with the ticket number in it
 * @param inReplyTo    the id of the message answered (the latest inbound one)
 * @param references   the ticket's message ids on this channel, oldest first, for the medium's threading
 * @param threadKey    the conversation on the channel, when the inbound message named one
 */
public record Reply(String replyId, String ticketNumber, Correspondent to, String subject, String body,
                    Optional<String> inReplyTo, List<String> references, Optional<String> threadKey) {
    public Reply {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        references = List.copyOf(references);
        Objects.requireNonNull(threadKey, "threadKey");
    }
}
