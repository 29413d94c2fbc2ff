package dev.rapport.api.security;

import java.util.List;

/**
 * A role to create: a name no role has yet and the permission keys it grants (see {@link Permission#key()}). Checked
 * by {@link Roles#create}, which names every invalid field.
 */
public record NewRole(String name, List<String> permissions) {
    public NewRole {
        permissions = permissions == null ? null : List.copyOf(permissions);
    }
}
