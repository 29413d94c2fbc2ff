package dev.rapport.api.security;

import java.util.List;

/** The departments tickets are routed to. SPEC §2's defaults exist from the first start. */
public interface Departments {
    /** Every department by name; any authenticated actor may list them. */
    List<Department> list(Actor actor);

    /** Creates a department; needs {@link Permission#DEPARTMENT_ADMIN}. */
    Department create(Actor actor, NewDepartment department);

    /**
     * Changes how the department hands out new tickets; audited. Needs {@link Permission#DEPARTMENT_ADMIN}.
     *
     * @throws dev.rapport.api.error.NotFoundException for an unknown department
     */
    Department changeAssignmentMode(Actor actor, DepartmentId id, AssignmentMode mode);
}
