package dev.rapport.core.internal.ticket;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.Ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Who is told of escalations, SLA alarms (SPEC §4–§5) and improvement suggestions, by the department's people. */
public final class EscalationPeople {
    private static final int SUPERVISOR_SEARCH = 1_000;

    private EscalationPeople() {
    }

    /**
     * The people of an escalation level in the ticket's department: its tier-2 experts, or its supervisors. A
     * department without supervisors falls back to every supervisor, so that a breach is never told to no one.
     */
    static List<UserId> atLevel(Transaction tx, DepartmentId department, EscalationLevel level) {
        return switch (level) {
            case FRONT_LINE -> members(tx, department, user -> user.tier() == Tier.FRONT_LINE
                    && user.roles().contains(Role.AGENT));
            case EXPERTS -> members(tx, department, user -> user.tier() == Tier.EXPERT
                    || user.roles().contains(Role.EXPERT));
            case MANAGEMENT -> supervisors(tx, department);
        };
    }

    /** Who is warned for a ticket: its assignee, or the department's supervisors while it waits in the queue. */
    static List<UserId> assigneeOrSupervisors(Transaction tx, Ticket ticket) {
        return ticket.assigneeId().map(List::of).orElseGet(() -> supervisors(tx, ticket.departmentId()));
    }

    /** The department's active supervisors, or every active supervisor when it has none. */
    public static List<UserId> supervisors(Transaction tx, DepartmentId department) {
        var own = members(tx, department, EscalationPeople::isSupervisor);
        return own.isEmpty() ? allSupervisors(tx) : own;
    }

    private static List<UserId> members(Transaction tx, DepartmentId department, Predicate<User> fits) {
        return tx.users().ofDepartment(department).stream().filter(User::active).filter(fits).map(User::id).toList();
    }

    private static List<UserId> allSupervisors(Transaction tx) {
        var found = new ArrayList<UserId>();
        Optional<String> after = Optional.empty();
        List<User> page;
        do {
            page = tx.users().list(after, SUPERVISOR_SEARCH);
            page.stream().filter(User::active).filter(EscalationPeople::isSupervisor).map(User::id).forEach(found::add);
            after = page.isEmpty() ? after : Optional.of(page.getLast().employeeId());
        } while (page.size() == SUPERVISOR_SEARCH);
        return found;
    }

    private static boolean isSupervisor(User user) {
        return user.roles().contains(Role.SUPERVISOR);
    }
}
