package dev.rapport.api.security;

import java.util.Optional;

/**
 * A department to create.
 *
 * @param id   a permanent kebab-case id such as {@code field-service}; generated when empty
 * @param name the display name
 */
public record NewDepartment(Optional<DepartmentId> id, String name) {
    public NewDepartment {
        id = id == null ? Optional.empty() : id;
    }
}
