package dev.rapport.api.spi.channel;

import dev.rapport.api.ticket.Correspondent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's message as a channel read it.
 *
 * @param messageId  unique within the channel and stable: the same message handed over twice has the same id, and the
 *                   SDK files it once (an e-mail's {@code Message-ID}, a chat platform's message id)
 * @param subject    a subject line, when the medium has one; a ticket number in it ({@code [#T2026000123]}) threads
 *                   the message to that ticket
 * @param body       the message as plain text
 * @param references ids of earlier messages this one answers, nearest first (an e-mail's {@code In-Reply-To}, then its
 *                   {@code References}); any of them that belongs to a ticket threads the message there
 * @param threadKey  the conversation on the channel, when the medium has one (a chat thread); the newest open ticket of
 *                   the conversation gets the message
 * @param sentAt     when the sender sent it, as the channel says
 */
public record InboundMessage(String messageId, Correspondent from, Optional<String> subject, String body,
                             List<String> references, Optional<String> threadKey, Instant sentAt) {
    public InboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is blank");
        }
        Objects.requireNonNull(from, "from");
        subject = Objects.requireNonNull(subject, "subject").map(String::strip).filter(s -> !s.isEmpty());
        Objects.requireNonNull(body, "body");
        references = List.copyOf(references);
        threadKey = Objects.requireNonNull(threadKey, "threadKey").filter(s -> !s.isBlank());
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
