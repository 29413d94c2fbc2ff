package dev.rapport.storage.jdbc;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.RoleDefinition;
import dev.rapport.api.spi.storage.RoleStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Roles in {@code roles}; the permissions are a JSON array of permission keys. */
final class JdbcRoleStore implements RoleStore {
    private static final String COLUMNS = "name, permissions, built_in, version";

    private final Handle handle;
    private final JsonCodec json;
    /** The permissions of every role, read once per transaction for the users it reads; dropped when a role changes. */
    private Map<Role, Set<Permission>> granted;

    JdbcRoleStore(Handle handle, JsonCodec json) {
        this.handle = handle;
        this.json = json;
    }

    @Override
    public List<RoleDefinition> list() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM roles ORDER BY name")
                .map((rs, ctx) -> role(rs))
                .list();
    }

    @Override
    public Optional<RoleDefinition> find(Role role) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM roles WHERE name = :name")
                .bind("name", role.name())
                .map((rs, ctx) -> role(rs))
                .findOne();
    }

    @Override
    public void lockAll() {
        handle.createQuery("SELECT name FROM roles ORDER BY name FOR UPDATE").mapTo(String.class).list();
    }

    @Override
    public void insert(RoleDefinition role) {
        granted = null;
        try {
            handle.createUpdate("INSERT INTO roles (" + COLUMNS + ") VALUES (:name, :permissions, :builtIn, :version)")
                    .bind("name", role.name())
                    .bind("permissions", keys(role.permissions()))
                    .bind("builtIn", role.builtIn())
                    .bind("version", role.version())
                    .execute();
        } catch (UnableToExecuteStatementException e) {
            // The core checks first, but two admins can still race for one name.
            if (SqlFailures.isUniqueViolation(e, null)) {
                throw ConflictException.duplicate("role", role.name());
            }
            throw e;
        }
    }

    @Override
    public boolean update(RoleDefinition role, long expectedVersion) {
        granted = null;
        return handle.createUpdate("UPDATE roles SET permissions = :permissions, version = :version "
                        + "WHERE name = :name AND version = :expectedVersion")
                .bind("name", role.name())
                .bind("permissions", keys(role.permissions()))
                .bind("version", role.version())
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    /** The union of the permissions {@code roles} grant; a role that does not exist grants none. */
    Set<Permission> permissionsOf(Set<Role> roles) {
        if (granted == null) {
            var all = new HashMap<Role, Set<Permission>>();
            list().forEach(role -> all.put(role.role(), role.permissions()));
            granted = all;
        }
        var union = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> union.addAll(granted.getOrDefault(role, Set.of())));
        return union;
    }

    private String keys(Set<Permission> permissions) {
        return json.strings(permissions.stream().map(Permission::key).sorted().toList());
    }

    private RoleDefinition role(ResultSet rs) throws SQLException {
        var permissions = EnumSet.noneOf(Permission.class);
        // A key no permission has any more (a later version dropped it) grants nothing rather than failing the read.
        json.strings(rs.getString("permissions")).forEach(key -> Permission.ofKey(key).ifPresent(permissions::add));
        return new RoleDefinition(Role.of(rs.getString("name")), permissions, rs.getBoolean("built_in"),
                rs.getLong("version"));
    }
}
