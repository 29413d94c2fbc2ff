package dev.rapport.core.internal.event;

import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketMessage;

/**
 * The text a queued reply goes out with, made when it is sent: what must reach the customer but not be kept in the
 * ticket's conversation, which users read (a status link's token), is filled in here, inside the sending transaction.
 */
@FunctionalInterface
public interface ReplyBodies {
    String body(Transaction tx, TicketMessage message, Ticket ticket);
}
