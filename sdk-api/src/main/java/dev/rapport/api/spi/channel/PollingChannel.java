package dev.rapport.api.spi.channel;

import java.util.Collection;
import java.util.List;

/**
 * A channel whose messages wait at a source the SDK reads every poll interval, such as an IMAP inbox. Delivery is at
 * least once: a message stays at the source until it is {@linkplain #acknowledge acknowledged}, which the SDK does only
 * after the message is stored; a crash in between hands it over again, and the SDK drops it as a duplicate.
 */
public interface PollingChannel extends Channel {
    /**
     * Up to {@code max} messages not acknowledged yet, oldest first.
     *
     * @throws java.io.UncheckedIOException when the source cannot be read now; the SDK tries again next interval
     */
    List<InboundMessage> poll(int max);

    /**
     * The SDK has stored (or had already stored) these messages, by {@link InboundMessage#messageId()}: the source may
     * mark them read or remove them. Ids it does not know are ignored.
     */
    void acknowledge(Collection<String> messageIds);
}
