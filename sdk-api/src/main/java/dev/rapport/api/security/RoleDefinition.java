package dev.rapport.api.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A role and the permissions it grants, as an admin defined it.
 *
 * @param builtIn whether it is one of the five roles of SPEC §2 created on the first start; they may be edited but
 *                stay
 * @param version the version an update must carry; a stale one is refused
 */
public record RoleDefinition(Role role, Set<Permission> permissions, boolean builtIn, long version) {
    public RoleDefinition {
        Objects.requireNonNull(role, "role");
        permissions = permissions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    /** The role's name. */
    public String name() {
        return role.name();
    }
}
