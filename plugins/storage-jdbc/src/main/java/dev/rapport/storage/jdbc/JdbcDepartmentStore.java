package dev.rapport.storage.jdbc;

import dev.rapport.api.security.AssignmentMode;
import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.spi.storage.DepartmentStore;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;

/** Departments in {@code departments}. */
final class JdbcDepartmentStore implements DepartmentStore {
    private final Handle handle;
    private final Dialect dialect;

    JdbcDepartmentStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public boolean insertIfAbsent(Department department) {
        return InsertIfAbsent.insert(handle, dialect, "departments", "id",
                Map.of("id", department.id().value(), "name", department.name(),
                        "assignment_mode", department.assignmentMode().name()));
    }

    @Override
    public Optional<Department> find(DepartmentId id) {
        return handle.createQuery("SELECT id, name, assignment_mode FROM departments WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> department(rs))
                .findOne();
    }

    @Override
    public List<Department> list() {
        return handle.createQuery("SELECT id, name, assignment_mode FROM departments ORDER BY name, id")
                .map((rs, ctx) -> department(rs))
                .list();
    }

    @Override
    public boolean updateAssignmentMode(DepartmentId id, AssignmentMode mode) {
        return handle.createUpdate("UPDATE departments SET assignment_mode = :mode WHERE id = :id")
                .bind("id", id.value())
                .bind("mode", mode.name())
                .execute() == 1;
    }

    @Override
    public long nextTurn(DepartmentId id) {
        // The UPDATE locks the row until commit: a concurrent intake waits and then takes the following turn.
        handle.createUpdate("UPDATE departments SET turn = turn + 1 WHERE id = :id").bind("id", id.value()).execute();
        return handle.createQuery("SELECT turn FROM departments WHERE id = :id")
                .bind("id", id.value())
                .mapTo(Long.class)
                .one();
    }

    private static Department department(ResultSet rs) throws SQLException {
        return new Department(DepartmentId.of(rs.getString("id")), rs.getString("name"),
                enumValue(rs, "assignment_mode", AssignmentMode.class));
    }
}
