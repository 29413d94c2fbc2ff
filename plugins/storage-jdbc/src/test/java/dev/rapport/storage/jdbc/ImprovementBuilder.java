package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.RootCause;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.T0;

/** Improvements as the SDK stores them: a PROPOSED one with only the required fields unless told otherwise. */
final class ImprovementBuilder {
    private final ImprovementId id = ImprovementId.of(Fixtures.newId());
    private DepartmentId department = DepartmentId.of("after-sales");
    private UserId owner = UserId.of("supervisor-1");
    private ImprovementState state = ImprovementState.PROPOSED;
    private Optional<LocalDate> plannedDate = Optional.empty();
    private Optional<LocalDate> completedDate = Optional.empty();
    private final List<CustomerId> customers = new ArrayList<>();
    private final List<TicketId> tickets = new ArrayList<>();
    private Optional<String> notes = Optional.empty();
    private Optional<SuggestionId> suggestion = Optional.empty();

    private ImprovementBuilder() {
    }

    static ImprovementBuilder anImprovement() {
        return new ImprovementBuilder();
    }

    ImprovementBuilder of(DepartmentId department) {
        this.department = department;
        return this;
    }

    ImprovementBuilder ownedBy(UserId owner) {
        this.owner = owner;
        return this;
    }

    ImprovementBuilder in(ImprovementState state) {
        this.state = state;
        return this;
    }

    ImprovementBuilder planned(LocalDate date) {
        this.plannedDate = Optional.of(date);
        return this;
    }

    ImprovementBuilder completed(LocalDate date) {
        this.completedDate = Optional.of(date);
        return this;
    }

    ImprovementBuilder affecting(CustomerId customer) {
        this.customers.add(customer);
        return this;
    }

    ImprovementBuilder linking(TicketId ticket) {
        this.tickets.add(ticket);
        return this;
    }

    ImprovementBuilder noting(String notes) {
        this.notes = Optional.of(notes);
        return this;
    }

    ImprovementBuilder from(SuggestionId suggestion) {
        this.suggestion = Optional.of(suggestion);
        return this;
    }

    Improvement build() {
        return new Improvement(id, "发票金额错误 — invoices show the wrong \"VAT\" amount", RootCause.PROCESS_GAP,
                "Add a second check before invoices go out", department, owner, plannedDate, completedDate,
                customers, tickets, List.of(), notes, state, suggestion, UserId.of("supervisor-1"), T0, T0, 1);
    }
}
