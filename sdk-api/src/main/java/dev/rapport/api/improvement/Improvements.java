package dev.rapport.api.improvement;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

import java.util.List;
import java.util.Optional;

/**
 * The continuous-improvement loop (SPEC §6): corrective actions for recurring problems, and the suggestions that
 * point at them. Every change is audited and announced in the same transaction. Reading needs
 * {@code improvement.read}; creating, changing any improvement and dismissing suggestions need
 * {@code improvement.manage}; an improvement's owner may change it and record verifications without it, but not hand
 * it to another owner or department. Otherwise {@link ForbiddenException}; unknown ids get
 * {@link NotFoundException}.
 *
 * <p><b>Suggestions.</b> When a ticket is opened, or gains a tag, each of its (new) tags is considered: the tickets of
 * the same type carrying that tag (ignoring case) opened within the suggestion window up to now form its cluster.
 * When they belong to at least the threshold of distinct customers (by default 3 within 30 days), an
 * {@code ImprovementSuggested} event goes to the supervisors of the department the type routes to. Each cluster is
 * suggested once, even when several nodes open its tickets at the same moment:
 * <ul>
 *     <li>while the latest suggestion of the type and tag is OPEN and its newest ticket is within the window, nothing
 *     new is suggested: tickets of the cluster opened within the window join it instead;</li>
 *     <li>once it is adopted (an improvement is created from it) or dismissed, the type and tag may be suggested
 *     again, counting only tickets opened after that;</li>
 *     <li>once its newest ticket is older than the window (it lapsed), a new cluster within the window is suggested
 *     again; the lapsed suggestion stays OPEN until someone adopts or dismisses it.</li>
 * </ul>
 */
public interface Improvements {
    /**
     * Records an improvement, PROPOSED. With a {@code suggestionId} it adopts that OPEN suggestion: the suggestion's
     * tickets and customers are linked too, and the suggestion becomes ADOPTED. Needs {@code improvement.manage}.
     *
     * @throws ValidationException naming every invalid field, among them each unknown ticket, customer, department,
     *                             owner or suggestion; nothing is stored
     * @throws ConflictException   when the suggestion was already adopted or dismissed
     */
    Improvement create(Actor actor, NewImprovement improvement);

    /**
     * Changes the given fields. A state change must follow PROPOSED → IN_PROGRESS → DONE; DONE without a
     * {@code completedDate} sets today's.
     *
     * @throws ConflictException   for a stale version or a move the state machine does not allow
     * @throws ValidationException naming every invalid field; nothing is stored
     */
    Improvement update(Actor actor, ImprovementId id, ImprovementUpdate update);

    /** The improvement. */
    Improvement get(Actor actor, ImprovementId id);

    /** Improvements matching the filter, newest first. */
    Page<Improvement> list(Actor actor, ImprovementFilter filter, PageRequest page);

    /**
     * Records an affected customer's verdict on a DONE improvement, which the first one moves to VERIFIED; later
     * ones add their scores to the average.
     *
     * @throws ValidationException naming {@code score} outside 1..5, {@code customerId} when it is not an affected
     *                             customer
     * @throws ConflictException   before the improvement is DONE
     */
    Improvement verify(Actor actor, ImprovementId id, VerifyImprovement verification);

    /** The improvement's audit trail, oldest first. */
    List<AuditEntry> history(Actor actor, ImprovementId id);

    /** Suggestions, newest first, in {@code state} when one is given. Needs {@code improvement.read}. */
    Page<ImprovementSuggestion> suggestions(Actor actor, Optional<SuggestionState> state, PageRequest page);

    /** The suggestion. Needs {@code improvement.read}. */
    ImprovementSuggestion suggestion(Actor actor, SuggestionId id);

    /** The suggestion's audit trail, oldest first: raised, then adopted or dismissed. Needs {@code improvement.read}. */
    List<AuditEntry> suggestionHistory(Actor actor, SuggestionId id);

    /**
     * Dismisses an OPEN suggestion. Needs {@code improvement.manage}.
     *
     * @throws ValidationException naming {@code reason} when it is missing
     * @throws ConflictException   when it was already adopted or dismissed
     */
    ImprovementSuggestion dismiss(Actor actor, SuggestionId id, DismissSuggestion command);
}
