package dev.rapport.api.security;

import java.util.Objects;

/**
 * An organisational unit that owns tickets of the types routed to it (SPEC §2).
 *
 * @param assignmentMode how new tickets routed here get an assignee
 */
public record Department(DepartmentId id, String name, AssignmentMode assignmentMode) {
    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(assignmentMode, "assignmentMode");
    }

    /** A department whose tickets wait in its queue to be picked (MANUAL). */
    public Department(DepartmentId id, String name) {
        this(id, name, AssignmentMode.MANUAL);
    }

    public Department withAssignmentMode(AssignmentMode mode) {
        return new Department(id, name, mode);
    }
}
