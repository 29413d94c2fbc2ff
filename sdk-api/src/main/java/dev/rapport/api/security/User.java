package dev.rapport.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An employee who logs in with an employee id and a password. The password hash is never part of this type.
 *
 * @param employeeId the login name, unique
 * @param roles      named bundles of permissions; empty for a user not yet bound to a role
 */
public record User(UserId id, String employeeId, String name, Optional<DepartmentId> departmentId, Set<Role> roles,
                   Tier tier, boolean active, Instant createdAt, long version) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(departmentId, "departmentId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The union of the permissions of the user's roles. */
    public Set<Permission> permissions() {
        return Role.permissionsOf(roles);
    }
}
