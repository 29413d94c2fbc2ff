package dev.rapport.core.internal.channel;

import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ticket an inbound message answers, by the strongest evidence first: a message id it references (ours or the
 * customer's), the ticket number in its subject, then its conversation on the channel.
 */
final class ConversationThread {
    /** {@code [#T2026000123]} as replies carry it; also the bare {@code #T2026000123} people type. */
    private static final Pattern TICKET_TAG = Pattern.compile("\\[?#(T\\d{10})]?");

    private ConversationThread() {
    }

    static Optional<Ticket> of(Transaction tx, String channel, InboundMessage message) {
        var ids = new LinkedHashSet<String>();
        for (String reference : message.references()) {
            ids.add(reference);
            // Our replies go out as <reply-id@domain> where the medium wants a domain; the reply-id is what we keep.
            int at = reference.indexOf('@');
            if (at > 0) {
                ids.add(reference.substring(0, at));
            }
        }
        return tx.conversations().ticketOf(ids).flatMap(tx.tickets()::find)
                .or(() -> message.subject().flatMap(ConversationThread::ticketNumber).flatMap(tx.tickets()::findByNumber))
                .or(() -> message.threadKey().flatMap(key -> tx.conversations().ticketOfThread(channel, key))
                        .flatMap(tx.tickets()::find));
    }

    static Optional<String> ticketNumber(String subject) {
        var matcher = TICKET_TAG.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The subject as a ticket title: without a ticket tag it may carry from an earlier conversation. */
    static String withoutTicketTag(String subject) {
        return TICKET_TAG.matcher(subject).replaceAll("").strip();
    }
}
