package dev.rapport.api.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a ticket's conversation on a channel: a customer's message that came in, or an agent's
 * customer-visible progress entry that went out as a reply.
 *
 * @param channel       the configured channel instance, e.g. {@code support-mail}
 * @param messageId     the message's id on the channel (an e-mail's {@code Message-ID}); unique per channel
 * @param correspondent who wrote it (inbound) or whom it went to (outbound)
 * @param references    ids of the earlier messages it answers, nearest first
 * @param threadKey     the conversation on the channel, when the medium has one
 */
public record TicketMessage(TicketId ticketId, String channel, Direction direction, String messageId,
                            Correspondent correspondent, Optional<String> subject, String body, List<String> references,
                            Optional<String> threadKey, Instant at) {
    /** Which way a message went. */
    public enum Direction { INBOUND, OUTBOUND }

    public TicketMessage {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(correspondent, "correspondent");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        references = List.copyOf(references);
        Objects.requireNonNull(threadKey, "threadKey");
        Objects.requireNonNull(at, "at");
    }
}
