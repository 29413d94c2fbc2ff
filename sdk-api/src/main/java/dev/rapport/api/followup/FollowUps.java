package dev.rapport.api.followup;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

import java.util.List;

/**
 * Scheduled contacts with customers (SPEC §6): the after-closure plan, maintenance plans, renewal care and service
 * recovery. The SDK plans them itself (when a ticket closes, and in its periodic due-work scan); people complete or
 * skip them. Every change is audited and announced in the same transaction.
 *
 * <p>Who may do what: {@code follow-up.work} reaches the follow-ups the actor owns, {@code follow-up.work.department}
 * also those of the actor's department, {@code follow-up.work.all} every follow-up. A follow-up out of reach gets
 * {@link ForbiddenException}; an unknown id {@link NotFoundException}.
 */
public interface FollowUps {
    /** The follow-ups matching the filter that the actor may see, soonest due first (then by id). */
    Page<FollowUp> list(Actor actor, FollowUpFilter filter, PageRequest page);

    /** One follow-up. */
    FollowUp get(Actor actor, FollowUpId id);

    /**
     * Records that the contact was made: the follow-up becomes DONE and an interaction is logged on the customer
     * (topic: the follow-up's purpose; content: the outcome and the note), both in one transaction.
     *
     * @throws ValidationException naming every invalid field; nothing is stored
     * @throws ConflictException   when the follow-up is DONE or SKIPPED already, or the version given is stale
     */
    FollowUp complete(Actor actor, FollowUpId id, CompleteFollowUp command);

    /**
     * Records that the contact will not be made, and why: the follow-up becomes SKIPPED.
     *
     * @throws ValidationException naming {@code reason} when it is blank or too long
     * @throws ConflictException   when the follow-up is DONE or SKIPPED already, or the version given is stale
     */
    FollowUp skip(Actor actor, FollowUpId id, SkipFollowUp command);

    /**
     * Why the last complete care planning left customers without a maintenance or renewal contact, one entry per kind
     * and cause, most customers first; empty when it planned every one. For {@code follow-up.work.all} or
     * {@code user.admin}: they can give the customers an owner.
     *
     * @throws ForbiddenException without either permission
     */
    List<UnplannedCare> unplanned(Actor actor);
}
