package dev.rapport.core.internal.followup;

import dev.rapport.api.followup.FollowUpPlan.Owner;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;

import java.util.List;
import java.util.Optional;

/**
 * Who owns a follow-up (SPEC §6): the rule of its step, falling back so that a follow-up is owned by an active user
 * whenever one fits. The account manager falls back to the ticket's handler, the handler to a supervisor of the
 * ticket's department, and a department without active supervisors to the first active supervisor of any department.
 * Customer care without a ticket falls back from the account manager to the supervisors of Account Management.
 */
final class FollowUpOwners {
    /** Where customer care goes when the customer has no active account manager. */
    static final DepartmentId ACCOUNT_MANAGEMENT = DepartmentId.of("account-management");
    private static final int USER_PAGE = 1_000;

    private FollowUpOwners() {
    }

    /** The owner of a step that follows {@code ticket} of a customer whose account manager is {@code manager}. */
    static Optional<User> forTicket(Transaction tx, Owner rule, Ticket ticket, Optional<UserId> manager) {
        return switch (rule) {
            case ACCOUNT_MANAGER -> active(tx, manager).or(() -> forTicket(tx, Owner.TICKET_HANDLER, ticket, manager));
            case TICKET_HANDLER -> active(tx, ticket.ownerId().or(ticket::assigneeId))
                    .or(() -> supervisor(tx, ticket.departmentId()));
            case SUPERVISOR -> supervisor(tx, ticket.departmentId());
        };
    }

    /** The owner of a customer's maintenance or renewal contact. */
    static Optional<User> forCustomer(Transaction tx, Optional<UserId> manager) {
        return active(tx, manager).or(() -> supervisor(tx, ACCOUNT_MANAGEMENT));
    }

    /** The first active supervisor of {@code department} by employee id, else of any department. */
    static Optional<User> supervisor(Transaction tx, DepartmentId department) {
        return tx.users().ofDepartment(department).stream().filter(FollowUpOwners::isActiveSupervisor).findFirst()
                .or(() -> anySupervisor(tx));
    }

    private static Optional<User> anySupervisor(Transaction tx) {
        Optional<String> after = Optional.empty();
        List<User> page;
        do {
            page = tx.users().list(after, USER_PAGE);
            var found = page.stream().filter(FollowUpOwners::isActiveSupervisor).findFirst();
            if (found.isPresent()) {
                return found;
            }
            after = page.isEmpty() ? after : Optional.of(page.getLast().employeeId());
        } while (page.size() == USER_PAGE);
        return Optional.empty();
    }

    private static Optional<User> active(Transaction tx, Optional<UserId> id) {
        return id.flatMap(tx.users()::find).filter(User::active);
    }

    private static boolean isActiveSupervisor(User user) {
        return user.active() && user.roles().contains(Role.SUPERVISOR);
    }
}
