package dev.rapport.core.internal.improvement;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.improvement.ImprovementState;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.rapport.api.improvement.ImprovementState.*;

/**
 * SPEC §6's improvement states as one table: PROPOSED → IN_PROGRESS → DONE → VERIFIED, one step at a time. The last
 * step is taken only by recording a verification, never by an update.
 */
final class ImprovementLifecycle {
    private static final Map<ImprovementState, Set<ImprovementState>> NEXT = new EnumMap<>(ImprovementState.class);

    static {
        NEXT.put(PROPOSED, EnumSet.of(IN_PROGRESS));
        NEXT.put(IN_PROGRESS, EnumSet.of(DONE));
        NEXT.put(DONE, EnumSet.of(VERIFIED));
        NEXT.put(VERIFIED, EnumSet.noneOf(ImprovementState.class));
    }

    private ImprovementLifecycle() {
    }

    static boolean allows(ImprovementState from, ImprovementState to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws ConflictException naming both states unless an update may move {@code from} to {@code to} */
    static void requireUpdate(ImprovementState from, ImprovementState to) {
        if (to == VERIFIED || !allows(from, to)) {
            throw ConflictException.illegalTransition("improvement", from, to);
        }
    }

    /**
     * The state after a verification: DONE becomes VERIFIED, VERIFIED stays.
     *
     * @throws ConflictException before the improvement is DONE
     */
    static ImprovementState afterVerification(ImprovementState current) {
        if (current == VERIFIED) {
            return VERIFIED;
        }
        if (!allows(current, VERIFIED)) {
            throw ConflictException.illegalTransition("improvement", current, VERIFIED);
        }
        return VERIFIED;
    }

    /** Whether the measures are complete, so the improvement has a completion date. */
    static boolean completed(ImprovementState state) {
        return state == DONE || state == VERIFIED;
    }
}
