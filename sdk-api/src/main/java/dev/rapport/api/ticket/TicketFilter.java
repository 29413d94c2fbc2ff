package dev.rapport.api.ticket;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.util.Optional;
import java.util.Set;

/**
 * Which tickets to list; every given criterion must hold. Actors without {@code ticket.read.all} see only
 * tickets of their department and tickets assigned to them, whatever the filter says.
 *
 * @param statuses any of these statuses; empty means every status
 * @param sla      only the SLA monitor's at-risk or overdue tickets, nearest deadline first, instead of newest first
 * @param tag      only tickets carrying this tag, ignoring case
 * @param servedBy only tickets of the customers this front line serves ({@link FrontLine}); when it is the actor's own
 *                 and the actor holds {@code ticket.read.front-line}, the list reaches beyond the actor's department
 */
public record TicketFilter(Set<TicketStatus> statuses, Optional<Priority> priority, Optional<DepartmentId> departmentId,
                           Optional<UserId> assigneeId, Optional<CustomerId> customerId, Optional<SlaWatch> sla,
                           Optional<String> tag, Optional<FrontLine> servedBy) {
    public TicketFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        priority = priority == null ? Optional.empty() : priority;
        departmentId = departmentId == null ? Optional.empty() : departmentId;
        assigneeId = assigneeId == null ? Optional.empty() : assigneeId;
        customerId = customerId == null ? Optional.empty() : customerId;
        sla = sla == null ? Optional.empty() : sla;
        tag = tag == null ? Optional.empty() : tag;
        servedBy = servedBy == null ? Optional.empty() : servedBy;
    }

    /** Every ticket the actor may see. */
    public static TicketFilter all() {
        return new TicketFilter(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TicketFilter withStatuses(Set<TicketStatus> statuses) {
        return new TicketFilter(statuses, priority, departmentId, assigneeId, customerId, sla, tag, servedBy);
    }

    public TicketFilter withPriority(Priority priority) {
        return new TicketFilter(statuses, Optional.of(priority), departmentId, assigneeId, customerId, sla, tag, servedBy);
    }

    public TicketFilter withDepartment(DepartmentId department) {
        return new TicketFilter(statuses, priority, Optional.of(department), assigneeId, customerId, sla, tag, servedBy);
    }

    public TicketFilter withAssignee(UserId assignee) {
        return new TicketFilter(statuses, priority, departmentId, Optional.of(assignee), customerId, sla, tag, servedBy);
    }

    public TicketFilter withCustomer(CustomerId customer) {
        return new TicketFilter(statuses, priority, departmentId, assigneeId, Optional.of(customer), sla, tag, servedBy);
    }

    public TicketFilter withSla(SlaWatch watch) {
        return new TicketFilter(statuses, priority, departmentId, assigneeId, customerId, Optional.of(watch), tag, servedBy);
    }

    /** Only tickets of the customers {@code frontLine} serves. */
    public TicketFilter withServedBy(FrontLine frontLine) {
        return new TicketFilter(statuses, priority, departmentId, assigneeId, customerId, sla, tag,
                Optional.of(frontLine));
    }

    public TicketFilter withTag(String tag) {
        return new TicketFilter(statuses, priority, departmentId, assigneeId, customerId, sla, Optional.of(tag), servedBy);
    }
}
