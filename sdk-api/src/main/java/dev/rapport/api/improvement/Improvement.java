package dev.rapport.api.improvement;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A corrective action for a recurring or systemic problem (SPEC §6, 服务质量改进).
 *
 * @param problem       what went wrong, as the affected customers experienced it
 * @param customerIds   the affected customers
 * @param ticketIds     the tickets that showed the problem
 * @param measures      what is done about it
 * @param departmentId  the department responsible for the measures
 * @param ownerId       the person responsible for them
 * @param plannedDate   when the measures are planned to be complete
 * @param completedDate when they were complete; set when the improvement becomes DONE
 * @param verifications the affected customers' verdicts, oldest first
 * @param suggestionId  the suggestion it was made from, if any
 * @param version       increases with every change; updates name the version they read
 */
public record Improvement(ImprovementId id, String problem, RootCause rootCause, String measures,
                          DepartmentId departmentId, UserId ownerId, Optional<LocalDate> plannedDate,
                          Optional<LocalDate> completedDate, List<CustomerId> customerIds, List<TicketId> ticketIds,
                          List<Verification> verifications, Optional<String> notes, ImprovementState state,
                          Optional<SuggestionId> suggestionId, UserId createdBy, Instant createdAt, Instant updatedAt,
                          long version) {
    public Improvement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(rootCause, "rootCause");
        Objects.requireNonNull(measures, "measures");
        Objects.requireNonNull(departmentId, "departmentId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(plannedDate, "plannedDate");
        Objects.requireNonNull(completedDate, "completedDate");
        customerIds = List.copyOf(customerIds);
        ticketIds = List.copyOf(ticketIds);
        verifications = List.copyOf(verifications);
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The mean of the verification scores, to two decimals (half up); empty before the first verification. */
    public Optional<BigDecimal> averageScore() {
        if (verifications.isEmpty()) {
            return Optional.empty();
        }
        int sum = verifications.stream().mapToInt(Verification::score).sum();
        return Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(verifications.size()), 2,
                RoundingMode.HALF_UP));
    }

    /** A builder holding this improvement, to derive the next state of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Derives a changed copy of an improvement; every component starts as the original's. */
    public static final class Builder {
        private final Improvement original;
        private String problem;
        private RootCause rootCause;
        private String measures;
        private DepartmentId departmentId;
        private UserId ownerId;
        private Optional<LocalDate> plannedDate;
        private Optional<LocalDate> completedDate;
        private List<CustomerId> customerIds;
        private List<TicketId> ticketIds;
        private List<Verification> verifications;
        private Optional<String> notes;
        private ImprovementState state;
        private Instant updatedAt;
        private long version;

        private Builder(Improvement i) {
            original = i;
            problem = i.problem;
            rootCause = i.rootCause;
            measures = i.measures;
            departmentId = i.departmentId;
            ownerId = i.ownerId;
            plannedDate = i.plannedDate;
            completedDate = i.completedDate;
            customerIds = i.customerIds;
            ticketIds = i.ticketIds;
            verifications = i.verifications;
            notes = i.notes;
            state = i.state;
            updatedAt = i.updatedAt;
            version = i.version;
        }

        public Builder problem(String problem) { this.problem = problem; return this; }
        public Builder rootCause(RootCause rootCause) { this.rootCause = rootCause; return this; }
        public Builder measures(String measures) { this.measures = measures; return this; }
        public Builder departmentId(DepartmentId departmentId) { this.departmentId = departmentId; return this; }
        public Builder ownerId(UserId ownerId) { this.ownerId = ownerId; return this; }
        public Builder plannedDate(Optional<LocalDate> plannedDate) { this.plannedDate = plannedDate; return this; }
        public Builder completedDate(Optional<LocalDate> completedDate) { this.completedDate = completedDate; return this; }
        public Builder customerIds(List<CustomerId> customerIds) { this.customerIds = customerIds; return this; }
        public Builder ticketIds(List<TicketId> ticketIds) { this.ticketIds = ticketIds; return this; }
        public Builder verifications(List<Verification> verifications) { this.verifications = verifications; return this; }
        public Builder notes(Optional<String> notes) { this.notes = notes; return this; }
        public Builder state(ImprovementState state) { this.state = state; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder version(long version) { this.version = version; return this; }

        public Improvement build() {
            return new Improvement(original.id, problem, rootCause, measures, departmentId, ownerId, plannedDate,
                    completedDate, customerIds, ticketIds, verifications, notes, state, original.suggestionId,
                    original.createdBy, original.createdAt, updatedAt, version);
        }
    }
}
