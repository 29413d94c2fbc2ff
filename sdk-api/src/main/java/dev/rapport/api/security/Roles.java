package dev.rapport.api.security;

import java.util.List;

/**
 * The roles an admin defines: each a name and a set of {@link Permission}s. The five of SPEC §2
 * ({@link Role#BUILT_IN}) exist from the first start and may be edited. No change may leave the installation without an active user holding
 * {@link Permission#USER_ADMIN}, as nobody could then give it back.
 *
 * <p>A user's permissions are those of their roles at the moment they are looked up: a role changed on one node takes
 * effect at the next request on that node and within a couple of seconds on the others (sessions are checked against
 * the database at most that often).
 */
public interface Roles {
    /** Every role by name; needs {@link Permission#USER_READ}. */
    List<RoleDefinition> list(Actor actor);

    /** Every permission there is with what it allows, in declaration order; needs {@link Permission#USER_READ}. */
    List<PermissionInfo> permissions(Actor actor);

    /**
     * Creates a role; needs {@link Permission#USER_ADMIN}; audited.
     *
     * @throws dev.rapport.api.error.ValidationException naming {@code name} or {@code permissions[i]}
     * @throws dev.rapport.api.error.ConflictException   when a role of that name exists
     */
    RoleDefinition create(Actor actor, NewRole role);

    /**
     * Replaces the permissions of a role; needs {@link Permission#USER_ADMIN}; audited.
     *
     * @throws dev.rapport.api.error.NotFoundException   for an unknown role
     * @throws dev.rapport.api.error.ValidationException naming {@code permissions[i]}
     * @throws dev.rapport.api.error.ConflictException   for a stale version, or when no active user would be left
     *                                                   holding {@link Permission#USER_ADMIN}
     */
    RoleDefinition update(Actor actor, Role role, RoleUpdate update);

    /** A permission as clients see it: its key and what it allows. */
    record PermissionInfo(String key, String description) {
    }
}
