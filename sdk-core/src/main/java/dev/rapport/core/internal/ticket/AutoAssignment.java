package dev.rapport.core.internal.ticket;

import dev.rapport.api.security.AssignmentMode;
import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Priority;
import dev.rapport.core.internal.ShortCache;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SPEC §4's assignment modes: who in its department a new ticket goes to. Round robin and least loaded choose among
 * the department's active front-line agents; least loaded weighs open work by priority (P1 4, P2 3, P3 2, P4 1) and
 * settles ties by employee id. The departments' modes are kept for a short while, as every intake needs them.
 */
public final class AutoAssignment {
    private static final Map<Priority, Integer> WEIGHT = Map.of(Priority.P1, 4, Priority.P2, 3, Priority.P3, 2,
            Priority.P4, 1);

    private final ShortCache<Map<DepartmentId, Department>> departments = new ShortCache<>(ShortCache.DEFAULT_AGE);

    /** The assignee for a new ticket of {@code department}; empty when the department assigns by hand. */
    Optional<UserId> choose(Transaction tx, DepartmentId department) {
        var mode = department(tx, department).map(Department::assignmentMode).orElse(AssignmentMode.MANUAL);
        if (mode == AssignmentMode.MANUAL) {
            return Optional.empty();
        }
        var agents = tx.users().ofDepartment(department).stream().filter(AutoAssignment::takesTickets).toList();
        if (agents.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (mode) {
            case ROUND_ROBIN -> agents.get((int) Math.floorMod(tx.departments().nextTurn(department) - 1, agents.size()));
            case LEAST_LOADED -> leastLoaded(agents, tx.tickets().openWorkload(department));
            case MANUAL -> throw new IllegalStateException("manual departments assign by hand");
        }).map(User::id);
    }

    /** Forgets the cached modes, after a change on this node. */
    public void forget() {
        departments.forget();
    }

    private static User leastLoaded(List<User> agents, Map<UserId, Map<Priority, Integer>> workload) {
        Function<User, Integer> load = agent -> workload.getOrDefault(agent.id(), Map.of()).entrySet().stream()
                .mapToInt(e -> WEIGHT.get(e.getKey()) * e.getValue()).sum();
        return agents.stream().min(Comparator.comparing(load).thenComparing(User::employeeId)).orElseThrow();
    }

    private static boolean takesTickets(User user) {
        return user.active() && user.tier() == Tier.FRONT_LINE && user.roles().contains(Role.AGENT);
    }

    private Optional<Department> department(Transaction tx, DepartmentId id) {
        return Optional.ofNullable(departments.get(() -> tx.departments().list().stream()
                .collect(Collectors.toUnmodifiableMap(Department::id, Function.identity()))).get(id));
    }
}
