package dev.rapport.api.improvement;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A change to an improvement: each given field replaces the stored one, the others stay.
 *
 * @param version       the version the change was based on; a stale one is refused
 * @param completedDate when the measures were complete; not after today. Moving to DONE without one sets today
 * @param ticketIds     the complete new list of linked tickets
 * @param customerIds   the complete new list of affected customers
 * @param notes         a blank text removes the notes
 * @param state         the next state along PROPOSED → IN_PROGRESS → DONE; VERIFIED comes only from verifying
 */
public record ImprovementUpdate(long version, Optional<String> problem, Optional<RootCause> rootCause,
                                Optional<String> measures, Optional<DepartmentId> departmentId,
                                Optional<UserId> ownerId, Optional<LocalDate> plannedDate,
                                Optional<LocalDate> completedDate, Optional<List<TicketId>> ticketIds,
                                Optional<List<CustomerId>> customerIds, Optional<String> notes,
                                Optional<ImprovementState> state) {
    public ImprovementUpdate {
        problem = problem == null ? Optional.empty() : problem;
        rootCause = rootCause == null ? Optional.empty() : rootCause;
        measures = measures == null ? Optional.empty() : measures;
        departmentId = departmentId == null ? Optional.empty() : departmentId;
        ownerId = ownerId == null ? Optional.empty() : ownerId;
        plannedDate = plannedDate == null ? Optional.empty() : plannedDate;
        completedDate = completedDate == null ? Optional.empty() : completedDate;
        ticketIds = ticketIds == null ? Optional.empty() : ticketIds.map(List::copyOf);
        customerIds = customerIds == null ? Optional.empty() : customerIds.map(List::copyOf);
        notes = notes == null ? Optional.empty() : notes;
        state = state == null ? Optional.empty() : state;
    }

    /** A change of version {@code version} that changes nothing yet; the builder adds the fields. */
    public static Builder of(long version) {
        return new Builder(version);
    }

    /** Fluent construction of an {@link ImprovementUpdate}. */
    public static final class Builder {
        private final long version;
        private String problem;
        private RootCause rootCause;
        private String measures;
        private DepartmentId departmentId;
        private UserId ownerId;
        private LocalDate plannedDate;
        private LocalDate completedDate;
        private List<TicketId> ticketIds;
        private List<CustomerId> customerIds;
        private String notes;
        private ImprovementState state;

        private Builder(long version) {
            this.version = version;
        }

        public Builder problem(String problem) { this.problem = problem; return this; }
        public Builder rootCause(RootCause rootCause) { this.rootCause = rootCause; return this; }
        public Builder measures(String measures) { this.measures = measures; return this; }
        public Builder department(DepartmentId id) { this.departmentId = id; return this; }
        public Builder owner(UserId id) { this.ownerId = id; return this; }
        public Builder plannedDate(LocalDate date) { this.plannedDate = date; return this; }
        public Builder completedDate(LocalDate date) { this.completedDate = date; return this; }
        public Builder tickets(List<TicketId> ids) { this.ticketIds = ids; return this; }
        public Builder customers(List<CustomerId> ids) { this.customerIds = ids; return this; }
        public Builder notes(String notes) { this.notes = notes; return this; }
        public Builder state(ImprovementState state) { this.state = state; return this; }

        public ImprovementUpdate build() {
            return new ImprovementUpdate(version, Optional.ofNullable(problem), Optional.ofNullable(rootCause),
                    Optional.ofNullable(measures), Optional.ofNullable(departmentId), Optional.ofNullable(ownerId),
                    Optional.ofNullable(plannedDate), Optional.ofNullable(completedDate),
                    Optional.ofNullable(ticketIds), Optional.ofNullable(customerIds), Optional.ofNullable(notes),
                    Optional.ofNullable(state));
        }
    }
}
