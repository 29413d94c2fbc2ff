package dev.rapport.api.security;

import java.time.Instant;
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
 * @param locale     the language notifications are written in: one of {@link #LOCALES}
 */
public record User(UserId id, String employeeId, String name, Optional<DepartmentId> departmentId, Set<Role> roles,
                   Tier tier, boolean active, Instant createdAt, long version, Optional<String> email,
                   Locale locale) {
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
    }

    /** A user without an e-mail address, writing in {@link #DEFAULT_LOCALE}. */
    public User(UserId id, String employeeId, String name, Optional<DepartmentId> departmentId, Set<Role> roles,
                Tier tier, boolean active, Instant createdAt, long version) {
        this(id, employeeId, name, departmentId, roles, tier, active, createdAt, version, Optional.empty(),
                DEFAULT_LOCALE);
    }

    /** The union of the permissions of the user's roles. */
    public Set<Permission> permissions() {
        return Role.permissionsOf(roles);
    }
}
