package dev.rapport.api.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's message a channel could not hand over and moved aside, once, instead of reading it again at every
 * poll: for an administrator to find it ({@code place}) and deal with it by hand.
 *
 * @param channel   the configured channel's name
 * @param messageId the message's id in the channel (for e-mail its {@code Message-ID})
 * @param reason    why it could not be filed, without its content or its sender's address
 * @param place     where it is now, e.g. {@code IMAP folder Rapport-Unfiled}
 * @param at        when it was set aside
 */
public record SetAsideMessage(String channel, String messageId, String reason, String place, Instant at) {
    public SetAsideMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(at, "at");
    }
}
