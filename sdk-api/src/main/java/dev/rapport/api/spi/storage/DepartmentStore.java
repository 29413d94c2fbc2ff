package dev.rapport.api.spi.storage;

import dev.rapport.api.security.AssignmentMode;
import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;

import java.util.List;
import java.util.Optional;

/** Departments. */
public interface DepartmentStore {
    /** Inserts unless a department with that id exists; safe when several nodes race. @return whether it inserted */
    boolean insertIfAbsent(Department department);

    /** The department with this id, or empty. */
    Optional<Department> find(DepartmentId id);

    /** Ordered by name. */
    List<Department> list();

    /** Stores the department's assignment mode; false when there is no such department. */
    boolean updateAssignmentMode(DepartmentId id, AssignmentMode mode);

    /**
     * Advances the department's round-robin position and returns it (1, 2, 3, … per department), holding the
     * department's row until the transaction ends so that concurrent intakes take consecutive turns.
     */
    long nextTurn(DepartmentId id);
}
