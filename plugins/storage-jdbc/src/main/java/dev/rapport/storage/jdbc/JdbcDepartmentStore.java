package dev.rapport.storage.jdbc;

import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.spi.storage.DepartmentStore;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
                Map.of("id", department.id().value(), "name", department.name()));
    }

    @Override
    public Optional<Department> find(DepartmentId id) {
        return handle.createQuery("SELECT id, name FROM departments WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> new Department(DepartmentId.of(rs.getString("id")), rs.getString("name")))
                .findOne();
    }

    @Override
    public List<Department> list() {
        return handle.createQuery("SELECT id, name FROM departments ORDER BY name, id")
                .map((rs, ctx) -> new Department(DepartmentId.of(rs.getString("id")), rs.getString("name")))
                .list();
    }
}
