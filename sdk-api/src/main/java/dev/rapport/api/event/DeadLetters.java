package dev.rapport.api.event;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;

import java.util.Optional;

/**
 * Events that a subscriber (a notifier, or the in-process listeners) could not take after its configured attempts,
 * or that its notifier rejected. Every method needs {@link Permission#EVENTS_ADMIN} and throws
 * {@link ForbiddenException} without it. A dead letter sent again is delivered anew, with fresh attempts; events of
 * the same subject that are still pending wait for it again.
 */
public interface DeadLetters {
    /** The subscriber name of the in-process {@link DomainEventListener}s. */
    String LISTENERS = "listeners";

    /**
     * Dead letters, oldest first.
     *
     * @param subscriber only those of this subscriber, or every subscriber's when empty
     */
    Page<DeadLetter> list(Actor actor, Optional<String> subscriber, PageRequest page);

    /**
     * Sends one dead letter again.
     *
     * @throws NotFoundException when no dead letter has this id (also when it was sent again already)
     */
    void retry(Actor actor, String id);

    /**
     * Sends every dead letter of {@code subscriber} again.
     *
     * @return how many there were
     */
    int retryAll(Actor actor, String subscriber);
}
