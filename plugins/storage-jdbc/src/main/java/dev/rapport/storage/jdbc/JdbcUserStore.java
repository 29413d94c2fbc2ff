package dev.rapport.storage.jdbc;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Credentials;
import dev.rapport.api.spi.storage.UserStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/** Users in {@code users}; roles are a JSON array of role names, their permissions those of {@code roles}. */
final class JdbcUserStore implements UserStore {
    private static final String COLUMNS = "id, employee_id, name, department_id, roles, tier, active, created_at, "
            + "version, email, locale";
    private static final String EMPLOYEE_ID_UNIQUE = "users_employee_id_unique";

    private final Handle handle;
    private final JsonCodec json;
    private final JdbcRoleStore roles;

    JdbcUserStore(Handle handle, JsonCodec json, JdbcRoleStore roles) {
        this.handle = handle;
        this.json = json;
        this.roles = roles;
    }

    @Override
    public void insert(User user, String passwordHash) {
        try {
            handle.createUpdate("INSERT INTO users (" + COLUMNS + ", password_hash) VALUES (:id, :employeeId, :name, "
                            + ":departmentId, :roles, :tier, :active, :createdAt, :version, :email, :locale, :passwordHash)")
                    .bind("id", user.id().value())
                    .bind("employeeId", user.employeeId())
                    .bind("name", user.name())
                    .bind("departmentId", user.departmentId().map(DepartmentId::value).orElse(null))
                    .bind("roles", json.strings(user.roles().stream().map(Role::name).sorted().toList()))
                    .bind("tier", user.tier().name())
                    .bind("active", user.active())
                    .bind("createdAt", instant(user.createdAt()))
                    .bind("version", user.version())
                    .bind("email", user.email().orElse(null))
                    .bind("locale", user.locale().toLanguageTag())
                    .bind("passwordHash", passwordHash)
                    .execute();
        } catch (UnableToExecuteStatementException e) {
            // The core checks first, but two requests can still race for one employee id.
            if (SqlFailures.isUniqueViolation(e, EMPLOYEE_ID_UNIQUE)) {
                throw ConflictException.duplicate("user", "employee id " + user.employeeId());
            }
            throw e;
        }
    }

    @Override
    public boolean update(User user, long expectedVersion) {
        return handle.createUpdate("UPDATE users SET name = :name, department_id = :departmentId, roles = :roles, "
                        + "tier = :tier, active = :active, email = :email, locale = :locale, version = :version "
                        + "WHERE id = :id AND version = :expectedVersion")
                .bind("id", user.id().value())
                .bind("name", user.name())
                .bind("departmentId", user.departmentId().map(DepartmentId::value).orElse(null))
                .bind("roles", json.strings(user.roles().stream().map(Role::name).sorted().toList()))
                .bind("tier", user.tier().name())
                .bind("active", user.active())
                .bind("email", user.email().orElse(null))
                .bind("locale", user.locale().toLanguageTag())
                .bind("version", user.version())
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public boolean changePassword(UserId user, String passwordHash, boolean changeRequired) {
        return handle.createUpdate("UPDATE users SET password_hash = :hash, password_change_required = :required "
                        + "WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("required", changeRequired)
                .bind("id", user.value())
                .execute() == 1;
    }

    @Override
    public Optional<Credentials> credentials(UserId id) {
        return handle.createQuery("SELECT " + COLUMNS + ", password_hash, password_change_required FROM users "
                        + "WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> credentials(rs))
                .findOne()
                .map(this::grantedCredentials);
    }

    @Override
    public Optional<User> find(UserId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> user(rs))
                .findOne()
                .map(this::granted);
    }

    @Override
    public Optional<Credentials> credentials(String employeeId) {
        return handle.createQuery("SELECT " + COLUMNS + ", password_hash, password_change_required FROM users "
                        + "WHERE employee_id = :employeeId")
                .bind("employeeId", employeeId)
                .map((rs, ctx) -> credentials(rs))
                .findOne()
                .map(this::grantedCredentials);
    }

    @Override
    public List<User> list(Optional<String> afterEmployeeId, int limit) {
        var query = afterEmployeeId
                .map(after -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE employee_id > :after "
                        + "ORDER BY employee_id LIMIT :limit").bind("after", after))
                .orElseGet(() -> handle.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY employee_id "
                        + "LIMIT :limit"));
        return query.bind("limit", limit)
                .map((rs, ctx) -> user(rs))
                .list().stream().map(this::granted).toList();
    }

    @Override
    public List<User> ofDepartment(DepartmentId department) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE department_id = :department "
                        + "ORDER BY employee_id")
                .bind("department", department.value())
                .map((rs, ctx) -> user(rs))
                .list().stream().map(this::granted).toList();
    }

    @Override
    public boolean anyActiveWithRoleIn(Set<Role> wanted) {
        if (wanted.isEmpty()) {
            return false;
        }
        // Roles are a JSON array of names that hold no quote, so '"NAME"' occurs in it exactly when the user has it.
        var conditions = new StringJoiner(" OR ", "(", ")");
        var names = wanted.stream().sorted().toList();
        for (int i = 0; i < names.size(); i++) {
            conditions.add("roles LIKE :role" + i + " ESCAPE '!'");
        }
        var query = handle.createQuery("SELECT 1 FROM users WHERE active = TRUE AND " + conditions + " LIMIT 1");
        for (int i = 0; i < names.size(); i++) {
            query.bind("role" + i, "%\"" + names.get(i).name().replace("!", "!!").replace("_", "!_")
                    .replace("%", "!%") + "\"%");
        }
        return query.mapTo(Integer.class).findOne().isPresent();
    }

    @Override
    public boolean any() {
        return handle.createQuery("SELECT 1 FROM users LIMIT 1")
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    // The permissions are looked up once the rows are read, as a query inside a row mapper would run while the result
    // set is still open.
    private User granted(User user) {
        return user.withPermissions(roles.permissionsOf(user.roles()));
    }

    private Credentials grantedCredentials(Credentials credentials) {
        return new Credentials(granted(credentials.user()), credentials.passwordHash(),
                credentials.passwordChangeRequired());
    }

    private Credentials credentials(ResultSet rs) throws SQLException {
        return new Credentials(user(rs), rs.getString("password_hash"), rs.getBoolean("password_change_required"));
    }

    private User user(ResultSet rs) throws SQLException {
        var held = json.strings(rs.getString("roles")).stream().map(Role::of).collect(Collectors.toSet());
        return new User(UserId.of(rs.getString("id")), rs.getString("employee_id"), rs.getString("name"),
                optionalString(rs, "department_id").map(DepartmentId::of), held, enumValue(rs, "tier", Tier.class),
                rs.getBoolean("active"), instant(rs, "created_at"), rs.getLong("version"), optionalString(rs, "email"),
                Locale.forLanguageTag(rs.getString("locale")));
    }
}
