package dev.rapport.api.security;

import dev.rapport.api.error.ForbiddenException;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who performs an operation. Every service call takes one; the SDK decides from it what is allowed.
 * The reference server gets actors from {@link Authentication#authenticate(String)}; an embedding host may
 * build them from its own users, or use {@link #system()} for its own background work.
 *
 * @param userId       recorded as the author of every change the actor makes
 * @param departmentId the actor's department, which scopes {@link Permission#TICKET_READ} and {@link Permission#TICKET_WORK}
 * @param permissions  what the actor may do
 */
public record Actor(UserId userId, Optional<DepartmentId> departmentId, Set<Permission> permissions) {
    private static final UserId SYSTEM = UserId.of("system");

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(departmentId, "departmentId");
        permissions = Set.copyOf(permissions);
    }

    /**
     * The actor of a user, with the permissions of the user's roles as they were defined when the user was read
     * ({@link User#permissions()}).
     */
    public static Actor of(User user) {
        return new Actor(user.id(), user.departmentId(), user.permissions());
    }

    /** The host application itself: every permission, recorded as user {@code system}. */
    public static Actor system() {
        return new Actor(SYSTEM, Optional.empty(), EnumSet.allOf(Permission.class));
    }

    /** Whether this is {@link #system()}, the host itself rather than a user. */
    public boolean isSystem() {
        return userId.equals(SYSTEM);
    }

    /** Whether the actor holds {@code permission}. */
    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** @throws ForbiddenException naming the permission when the actor lacks it */
    public void require(Permission permission) {
        if (!has(permission)) {
            throw ForbiddenException.missing(permission.key());
        }
    }

    /** Whether the actor belongs to {@code department}. */
    public boolean isIn(DepartmentId department) {
        return departmentId.filter(department::equals).isPresent();
    }
}
