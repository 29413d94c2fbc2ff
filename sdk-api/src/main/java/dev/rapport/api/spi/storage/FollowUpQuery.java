package dev.rapport.api.spi.storage;

import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of follow-ups, soonest due first, then by id.
 *
 * @param scope when present, only follow-ups owned by {@code scope.owner()} or of {@code scope.department()}
 * @param after only follow-ups after this one (the previous page's last) in that order
 */
public record FollowUpQuery(FollowUpFilter filter, Optional<Scope> scope, Optional<After> after, int limit) {
    public FollowUpQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(after, "after");
    }

    /** What an actor without {@code follow-up.work.all} may see. */
    public record Scope(UserId owner, Optional<DepartmentId> department) {
        public Scope {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(department, "department");
        }
    }

    /** Where a page continues: after the follow-up with this due time and id. */
    public record After(Instant dueAt, FollowUpId id) {
        public After {
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(id, "id");
        }
    }
}
