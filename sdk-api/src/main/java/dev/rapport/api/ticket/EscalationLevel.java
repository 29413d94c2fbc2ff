package dev.rapport.api.ticket;

import java.util.Optional;

/**
 * Who a ticket is escalated to (SPEC §4): the front line first, then the department's tier-2 experts, then the
 * department's supervisors and managers. Escalation, by hand or by SLA breach, goes one level up.
 */
public enum EscalationLevel {
    FRONT_LINE, EXPERTS, MANAGEMENT;

    /** The level above this one; MANAGEMENT is the top. */
    public Optional<EscalationLevel> next() {
        return this == MANAGEMENT ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
