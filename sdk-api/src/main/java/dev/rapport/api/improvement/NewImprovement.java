package dev.rapport.api.improvement;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An improvement to record. {@link Improvements#create} checks every field and names each invalid one.
 *
 * @param problem      required
 * @param rootCause    required
 * @param measures     required: what will be done
 * @param departmentId required: an existing department
 * @param ownerId      required: an active user
 * @param plannedDate  not before today
 * @param ticketIds    existing tickets; a suggestion's tickets are added to them
 * @param customerIds  existing customers; a suggestion's customers are added to them
 * @param suggestionId an OPEN suggestion this improvement adopts
 */
public record NewImprovement(String problem, RootCause rootCause, String measures, DepartmentId departmentId,
                             UserId ownerId, Optional<LocalDate> plannedDate, List<TicketId> ticketIds,
                             List<CustomerId> customerIds, Optional<String> notes, Optional<SuggestionId> suggestionId) {
    public NewImprovement {
        plannedDate = plannedDate == null ? Optional.empty() : plannedDate;
        ticketIds = ticketIds == null ? List.of() : List.copyOf(ticketIds);
        customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
        notes = notes == null ? Optional.empty() : notes;
        suggestionId = suggestionId == null ? Optional.empty() : suggestionId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction of a {@link NewImprovement}. */
    public static final class Builder {
        private String problem;
        private RootCause rootCause;
        private String measures;
        private DepartmentId departmentId;
        private UserId ownerId;
        private LocalDate plannedDate;
        private final List<TicketId> tickets = new ArrayList<>();
        private final List<CustomerId> customers = new ArrayList<>();
        private String notes;
        private SuggestionId suggestionId;

        private Builder() {
        }

        public Builder problem(String problem) { this.problem = problem; return this; }
        public Builder rootCause(RootCause rootCause) { this.rootCause = rootCause; return this; }
        public Builder measures(String measures) { this.measures = measures; return this; }
        public Builder department(DepartmentId id) { this.departmentId = id; return this; }
        public Builder owner(UserId id) { this.ownerId = id; return this; }
        public Builder plannedDate(LocalDate date) { this.plannedDate = date; return this; }
        public Builder ticket(TicketId id) { this.tickets.add(id); return this; }
        public Builder customer(CustomerId id) { this.customers.add(id); return this; }
        public Builder notes(String notes) { this.notes = notes; return this; }
        public Builder fromSuggestion(SuggestionId id) { this.suggestionId = id; return this; }

        public NewImprovement build() {
            return new NewImprovement(problem, rootCause, measures, departmentId, ownerId,
                    Optional.ofNullable(plannedDate), tickets, customers, Optional.ofNullable(notes),
                    Optional.ofNullable(suggestionId));
        }
    }
}
