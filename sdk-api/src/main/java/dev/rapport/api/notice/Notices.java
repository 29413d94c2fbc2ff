package dev.rapport.api.notice;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

/**
 * Each user's in-app notices. The SDK fills them from its events, at least once per event and user but kept once: a
 * ticket's intake owner and its assignee hear of its resolution, its reopening and an SLA breach (not of what they
 * did themselves). Every method reads or changes the actor's own notices only; there is no permission to see
 * another's. The host itself ({@link Actor#system()}) has none.
 */
public interface Notices {
    /**
     * The actor's notices, newest first.
     *
     * @param unreadOnly only those not marked read
     * @throws ValidationException naming {@code cursor} when the cursor is not one this list returned
     */
    Page<Notice> list(Actor actor, boolean unreadOnly, PageRequest page);

    /** How many of the actor's notices are unread. */
    long unread(Actor actor);

    /**
     * Marks one of the actor's notices read; marking a read one again changes nothing.
     *
     * @throws NotFoundException when the actor has no notice of that id, whoever else may have one
     */
    void markRead(Actor actor, String id);

    /** Marks every notice of the actor read. */
    void markAllRead(Actor actor);
}
