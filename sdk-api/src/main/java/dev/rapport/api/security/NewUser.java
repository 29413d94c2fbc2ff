package dev.rapport.api.security;

import java.util.Set;

/**
 * A user to create, bound to a department and roles by the admin who creates it. Fields are checked by
 * {@link Users#create}, which names every invalid one.
 *
 * @param password the initial password in clear; hashed before storage, never logged
 */
public record NewUser(String employeeId, String name, DepartmentId departmentId, Set<Role> roles, Tier tier,
                      String password) {
    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "NewUser[employeeId=" + employeeId + ", name=" + name + ", departmentId=" + departmentId
                + ", roles=" + roles + ", tier=" + tier + ", password=****]";
    }
}
