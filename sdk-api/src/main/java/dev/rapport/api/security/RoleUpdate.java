package dev.rapport.api.security;

import java.util.List;

/**
 * The complete new set of permission keys of a role (see {@link Permission#key()}), based on the version read. Checked
 * by {@link Roles#update}.
 */
public record RoleUpdate(List<String> permissions, long version) {
    public RoleUpdate {
        permissions = permissions == null ? null : List.copyOf(permissions);
    }
}
