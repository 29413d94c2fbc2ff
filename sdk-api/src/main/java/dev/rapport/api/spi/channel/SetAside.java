package dev.rapport.api.spi.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A message a polling channel could not hand over (no sender it could answer, a structure it cannot read) and moved
 * out of its way, so that it is not read again at every poll; listed for an administrator to deal with by hand.
 *
 * @param messageId the message's id as the channel knows it (for e-mail its {@code Message-ID})
 * @param reason    why it could not be handed over, without the message's content or its sender's address
 * @param place     where it is now, for an administrator to find it (for e-mail the folder it was moved to)
 * @param at        when it was set aside
 */
public record SetAside(String messageId, String reason, String place, Instant at) {
    public SetAside {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(at, "at");
    }
}
