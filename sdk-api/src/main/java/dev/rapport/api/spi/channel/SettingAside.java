package dev.rapport.api.spi.channel;

import java.util.List;

/**
 * A {@link PollingChannel} that moves aside the messages it cannot hand over (instead of leaving them to be read, and
 * refused, at every poll) and tells the SDK which, so that an administrator sees them. The SDK asks after each poll,
 * on its polling thread, time-boxed like the poll.
 */
public interface SettingAside {
    /**
     * The messages set aside since the last call, oldest first; each is returned once. Never throws for an empty
     * list.
     */
    List<SetAside> takeSetAside();
}
