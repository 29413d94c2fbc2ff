package dev.rapport.api.security;

import java.util.Locale;
import java.util.Set;

/**
 * A user to create, bound to a department and to roles that exist ({@link Roles}) by the admin who creates it. Fields
 * are checked by {@link Users#create}, which names every invalid one.
 *
 * @param password the initial password in clear; hashed before storage, never logged
 * @param email    where notifications reach the user; null or blank for none
 * @param locale   the language notifications are written in, one of {@link User#LOCALES}; null for
 *                 {@link User#DEFAULT_LOCALE}
 */
public record NewUser(String employeeId, String name, DepartmentId departmentId, Set<Role> roles, Tier tier,
                      String password, String email, Locale locale) {
    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A user without an e-mail address, writing in {@link User#DEFAULT_LOCALE}. */
    public NewUser(String employeeId, String name, DepartmentId departmentId, Set<Role> roles, Tier tier,
                   String password) {
        this(employeeId, name, departmentId, roles, tier, password, null, null);
    }

    @Override
    public String toString() {
        return "NewUser[employeeId=" + employeeId + ", name=" + name + ", departmentId=" + departmentId
                + ", roles=" + roles + ", tier=" + tier + ", password=****, email=" + email + ", locale=" + locale
                + "]";
    }
}
