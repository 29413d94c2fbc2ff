package dev.rapport.api.improvement;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.util.Optional;

/** Which improvements to list; every given criterion must hold. */
public record ImprovementFilter(Optional<ImprovementState> state, Optional<DepartmentId> departmentId,
                                Optional<UserId> ownerId) {
    public ImprovementFilter {
        state = state == null ? Optional.empty() : state;
        departmentId = departmentId == null ? Optional.empty() : departmentId;
        ownerId = ownerId == null ? Optional.empty() : ownerId;
    }

    /** Every improvement. */
    public static ImprovementFilter all() {
        return new ImprovementFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ImprovementFilter withState(ImprovementState state) {
        return new ImprovementFilter(Optional.of(state), departmentId, ownerId);
    }

    public ImprovementFilter withDepartment(DepartmentId department) {
        return new ImprovementFilter(state, Optional.of(department), ownerId);
    }

    public ImprovementFilter withOwner(UserId owner) {
        return new ImprovementFilter(state, departmentId, Optional.of(owner));
    }
}
