package dev.rapport.api.security;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An employee who logs in with an employee id and a password. The password hash is never part of this type.
 *
 * @param employeeId the login name, unique
 * @param roles      named bundles of permissions; empty for a user not yet bound to a role
 * @param email      where notifications reach the user, when the user has an address
 * @param locale      the language notifications are written in: one of {@link #LOCALES}
 * @param permissions the union of the permissions of the user's roles as the roles were defined when the user was
 *                    read (see {@link Roles}); the storage fills it in, and a user built without it has none
 */
public record User(UserId id, String employeeId, String name, Optional<DepartmentId> departmentId, Set<Role> roles,
                   Tier tier, boolean active, Instant createdAt, long version, Optional<String> email,
                   Locale locale, Set<Permission> permissions) {
    /** The language of a user who chose none: simplified Chinese, {@code zh-CN}. */
    public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("zh-CN");
    /** The languages notifications are written in: {@code zh-CN} and {@code en}. */
    public static final List<Locale> LOCALES = List.of(DEFAULT_LOCALE, Locale.ENGLISH);

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(departmentId, "departmentId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(locale, "locale");
        permissions = permissions == null || permissions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    /** A user whose permissions are not looked up yet: none until the storage reads the user back. */
    public User(UserId id, String employeeId, String name, Optional<DepartmentId> departmentId, Set<Role> roles,
                Tier tier, boolean active, Instant createdAt, long version, Optional<String> email, Locale locale) {
        this(id, employeeId, name, departmentId, roles, tier, active, createdAt, version, email, locale, Set.of());
    }

    /** A user without an e-mail address, writing in {@link #DEFAULT_LOCALE}. */
    public User(UserId id, String employeeId, String name, Optional<DepartmentId> departmentId, Set<Role> roles,
                Tier tier, boolean active, Instant createdAt, long version) {
        this(id, employeeId, name, departmentId, roles, tier, active, createdAt, version, Optional.empty(),
                DEFAULT_LOCALE);
    }

    /** This user with the permissions its roles grant now. */
    public User withPermissions(Set<Permission> granted) {
        return new User(id, employeeId, name, departmentId, roles, tier, active, createdAt, version, email, locale,
                granted);
    }
}
