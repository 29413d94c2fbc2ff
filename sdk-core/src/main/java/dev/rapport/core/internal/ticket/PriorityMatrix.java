package dev.rapport.core.internal.ticket;

import dev.rapport.api.ticket.Priority;

/** SPEC §4: urgent and important = P1; important only = P2; urgent only = P3; neither = P4. */
public final class PriorityMatrix {
    private PriorityMatrix() {
    }

    public static Priority of(boolean urgent, boolean important) {
        if (urgent && important) {
            return Priority.P1;
        }
        if (important) {
            return Priority.P2;
        }
        return urgent ? Priority.P3 : Priority.P4;
    }

    public static boolean urgent(Priority priority) {
        return priority == Priority.P1 || priority == Priority.P3;
    }

    public static boolean important(Priority priority) {
        return priority == Priority.P1 || priority == Priority.P2;
    }
}
