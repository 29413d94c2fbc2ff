package dev.rapport.api.security;

import java.util.Optional;

/**
 * A department to create.
 *
 * @param id   a permanent kebab-case id such as {@code field-service}; generated when empty
 * @param name the display name
 * @param assignmentMode how new tickets get an assignee; MANUAL when empty
 */
public record NewDepartment(Optional<DepartmentId> id, String name, Optional<AssignmentMode> assignmentMode) {
    public NewDepartment {
        id = id == null ? Optional.empty() : id;
        assignmentMode = assignmentMode == null ? Optional.empty() : assignmentMode;
    }

    public NewDepartment(Optional<DepartmentId> id, String name) {
        this(id, name, Optional.empty());
    }
}
