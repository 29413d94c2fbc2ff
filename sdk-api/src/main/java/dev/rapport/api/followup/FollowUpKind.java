package dev.rapport.api.followup;

import dev.rapport.api.customer.InteractionMethod;

/**
 * Why a follow-up is made (SPEC §6), named by purpose rather than by day: the days after closure are configurable
 * ({@link FollowUpPlan}).
 */
public enum FollowUpKind {
    /** After closure (by default day 3): confirm the problem stays solved and the customer is satisfied. */
    SATISFACTION_CHECK(InteractionMethod.PHONE, true),
    /** After closure (by default day 7): send the usage guide and offer a Q&amp;A session. */
    USAGE_GUIDE(InteractionMethod.EMAIL, true),
    /** After closure (by default day 30): the account manager visits or calls about usage and new needs. */
    ACCOUNT_VISIT(InteractionMethod.VISIT, true),
    /** A poor survey answer: a supervisor contacts the customer to put things right. */
    SERVICE_RECOVERY(InteractionMethod.PHONE, false),
    /** The maintenance plan of the customer's level: a quarterly in-depth review or a monthly short call. */
    MAINTENANCE(InteractionMethod.PHONE, false),
    /** Proactive care before the contract ends: talk about its renewal. */
    RENEWAL(InteractionMethod.PHONE, false);

    private final InteractionMethod defaultMethod;
    private final boolean afterClosure;

    FollowUpKind(InteractionMethod defaultMethod, boolean afterClosure) {
        this.defaultMethod = defaultMethod;
        this.afterClosure = afterClosure;
    }

    /** How the interaction completing it is logged when the one completing it names no method. */
    public InteractionMethod defaultMethod() {
        return defaultMethod;
    }

    /** Whether it is one of the steps planned when a ticket closes (the 3-7-30 plan). */
    public boolean afterClosure() {
        return afterClosure;
    }
}
