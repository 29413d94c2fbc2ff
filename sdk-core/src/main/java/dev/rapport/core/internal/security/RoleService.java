package dev.rapport.core.internal.security;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.NewRole;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.RoleDefinition;
import dev.rapport.api.security.RoleUpdate;
import dev.rapport.api.security.Roles;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles as data: listing, creation and changes of their permissions, refusing any change that would leave no active
 * user holding {@link Permission#USER_ADMIN}. A change takes effect at the next request on this node, whose checked
 * sessions it forgets, and within {@link SessionCache#TTL} on the others.
 */
public final class RoleService implements Roles {
    private static final List<PermissionInfo> PERMISSIONS = Arrays.stream(Permission.values())
            .map(p -> new PermissionInfo(p.key(), p.description()))
            .toList();

    private final Transactions transactions;
    private final Clock clock;
    private final SessionCache recent;

    /** @param recent the sessions this node checked lately, forgotten whenever a role changes */
    public RoleService(Transactions transactions, Clock clock, SessionCache recent) {
        this.transactions = transactions;
        this.clock = clock;
        this.recent = recent;
    }

    @Override
    public List<RoleDefinition> list(Actor actor) {
        actor.require(Permission.USER_READ);
        return transactions.read(tx -> tx.roles().list());
    }

    @Override
    public List<PermissionInfo> permissions(Actor actor) {
        actor.require(Permission.USER_READ);
        return PERMISSIONS;
    }

    @Override
    public RoleDefinition create(Actor actor, NewRole request) {
        actor.require(Permission.USER_ADMIN);
        var checks = FieldChecks.create();
        String name = checks.text("name", request.name(), Role.MAX_LENGTH, true);
        if (name != null && !checks.has("name") && !Role.isValidName(name)) {
            checks.add("name", Role.NAME_RULE);
        }
        var permissions = permissions(checks, request.permissions());
        checks.throwIfAny();
        var role = new RoleDefinition(Role.of(name), permissions, false, 1);
        var created = transactions.write(tx -> {
            if (tx.roles().find(role.role()).isPresent()) {
                throw ConflictException.duplicate("role", name);
            }
            tx.roles().insert(role);
            tx.audit().append(ChangeSet.create().added("permissions", keys(permissions))
                    .entry("role", name, clock.instant(), actor, "role.created"));
            return role;
        });
        recent.forgetAll();
        return created;
    }

    @Override
    public RoleDefinition update(Actor actor, Role role, RoleUpdate update) {
        actor.require(Permission.USER_ADMIN);
        var checks = FieldChecks.create();
        var permissions = permissions(checks, update.permissions());
        var updated = transactions.write(tx -> {
            tx.roles().lockAll();
            var stored = tx.roles().find(role).orElseThrow(() -> NotFoundException.of("role", role.name()));
            checks.throwIfAny();
            if (update.version() != stored.version()) {
                throw ConflictException.staleVersion("role", role.name(), update.version(), stored.version());
            }
            if (stored.permissions().equals(permissions)) {
                return stored;
            }
            var changed = new RoleDefinition(role, permissions, stored.builtIn(), stored.version() + 1);
            if (!tx.roles().update(changed, stored.version())) {
                throw ConflictException.staleVersion("role", role.name(), update.version(), stored.version() + 1);
            }
            requireAnAdministrator(tx);
            tx.audit().append(ChangeSet.create()
                    .field("permissions", keys(stored.permissions()), keys(changed.permissions()))
                    .entry("role", role.name(), clock.instant(), actor, "role.updated"));
            return changed;
        });
        recent.forgetAll();
        return updated;
    }

    /**
     * Waits for any other change that could take away {@link Permission#USER_ADMIN} (see {@link
     * dev.rapport.api.spi.storage.RoleStore#lockAll()}), then checks.
     *
     * @throws ConflictException when, with the changes {@code tx} made so far, no active user holds a role granting
     *                           {@link Permission#USER_ADMIN}: nobody could then give it back (the transaction is
     *                           rolled back)
     */
    static void requireAnAdministrator(Transaction tx) {
        tx.roles().lockAll();
        var administering = tx.roles().list().stream()
                .filter(r -> r.permissions().contains(Permission.USER_ADMIN))
                .map(RoleDefinition::role)
                .collect(Collectors.toSet());
        if (!tx.users().anyActiveWithRoleIn(administering)) {
            throw ConflictException.of("role.last-admin", "No active user would be left holding "
                    + Permission.USER_ADMIN.key()
                    + " (a role granting it): nobody could then administer users and roles");
        }
    }

    /** The permissions the keys name; every unknown or missing one is an error naming its index. */
    private static Set<Permission> permissions(FieldChecks checks, List<String> keys) {
        var permissions = EnumSet.noneOf(Permission.class);
        if (keys == null) {
            checks.add("permissions", "is required (an empty list for none)");
            return permissions;
        }
        for (int i = 0; i < keys.size(); i++) {
            var permission = keys.get(i) == null ? null : Permission.ofKey(keys.get(i).strip()).orElse(null);
            if (permission == null) {
                checks.add("permissions[" + i + "]", "is not a known permission (GET /api/v1/permissions lists them)");
            } else {
                permissions.add(permission);
            }
        }
        return permissions;
    }

    private static List<String> keys(Set<Permission> permissions) {
        return permissions.stream().map(Permission::key).sorted().toList();
    }
}
