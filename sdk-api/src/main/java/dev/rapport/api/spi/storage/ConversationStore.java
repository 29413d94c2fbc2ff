package dev.rapport.api.spi.storage;

import dev.rapport.api.ticket.SetAsideMessage;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketMessage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Tickets' conversations on channels, and the ledger of inbound messages filed. */
public interface ConversationStore {
    /**
     * Claims an inbound message for filing in this transaction.
     *
     * @return false when it was claimed before, or by a transaction that commits meanwhile: where the database can, a
     * racing claim waits for the other transaction to end rather than fail
     */
    boolean claim(String channel, String messageId, Instant at);

    /** Records the ticket a claimed message was filed on. */
    void file(String channel, String messageId, TicketId ticket);

    /** The ticket a message was filed on; empty when it was never claimed, or claimed but never filed. */
    Optional<TicketId> filedOn(String channel, String messageId);

    /** Adds a message to its ticket's conversation; its {@code (channel, messageId)} is new. */
    void add(TicketMessage message);

    /** The message with this id on the channel. */
    Optional<TicketMessage> find(String channel, String messageId);

    /** The ticket of the message added last, on any channel, whose id is one of {@code messageIds}. */
    Optional<TicketId> ticketOf(Collection<String> messageIds);

    /** The ticket of the message added last to the channel's conversation {@code threadKey}. */
    Optional<TicketId> ticketOfThread(String channel, String threadKey);

    /** The ticket's messages in the order they were added. */
    List<TicketMessage> of(TicketId ticket);

    /** Records a message a channel set aside; one recorded already (same channel and id) is left as it is. */
    void setAside(SetAsideMessage message);

    /** The messages set aside, newest first, at most {@code limit}. */
    List<SetAsideMessage> setAside(int limit);
}
