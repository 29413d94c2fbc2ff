package dev.rapport.api.spi.storage;

import dev.rapport.api.notice.Notice;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Users' in-app notices, keyed by (user, event position); a notice's {@link Notice#id()} is its event position as
 * text. Every read and change is of one user's notices.
 */
public interface NoticeStore {
    /**
     * Keeps the notice unless the user has one of that event already, safely when two deliveries of the event race.
     *
     * @return whether it was inserted
     */
    boolean insertIfAbsent(NewNotice notice);

    /**
     * At most {@code limit} notices of the user, newest first (by event position, descending), of events before
     * position {@code before} when given.
     */
    List<Notice> list(UserId user, boolean unreadOnly, OptionalLong before, int limit);

    /** How many notices of the user are unread. */
    long unread(UserId user);

    /**
     * Marks the user's notice of that event read at {@code at}, unless it is read already.
     *
     * @return whether the user has that notice
     */
    boolean markRead(UserId user, long eventPosition, Instant at);

    /** Marks every unread notice of the user read at {@code at}; returns how many. */
    int markAllRead(UserId user, Instant at);
}
