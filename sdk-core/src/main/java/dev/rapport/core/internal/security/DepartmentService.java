package dev.rapport.core.internal.security;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.AssignmentMode;
import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Departments;
import dev.rapport.api.security.NewDepartment;
import dev.rapport.api.security.Permission;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Departments: listing, creation, and the SPEC §2 defaults on first start. */
public final class DepartmentService implements Departments {
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** SPEC §2: the departments every installation starts with. */
    public static final List<Department> DEFAULTS = List.of(
            new Department(DepartmentId.of("customer-service"), "Customer Service"),
            new Department(DepartmentId.of("after-sales"), "After-Sales"),
            new Department(DepartmentId.of("technical-support"), "Technical Support"),
            new Department(DepartmentId.of("product"), "Product"),
            new Department(DepartmentId.of("sales"), "Sales"),
            new Department(DepartmentId.of("account-management"), "Account Management"),
            new Department(DepartmentId.of("finance"), "Finance"),
            new Department(DepartmentId.of("logistics"), "Logistics"));

    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final Runnable modesChanged;

    /** @param modesChanged told after a department's assignment mode changed, to drop cached modes */
    public DepartmentService(Transactions transactions, Clock clock, IdGenerator ids, Runnable modesChanged) {
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.modesChanged = modesChanged;
    }

    @Override
    public List<Department> list(Actor actor) {
        return transactions.read(tx -> tx.departments().list());
    }

    @Override
    public Department create(Actor actor, NewDepartment request) {
        actor.require(Permission.DEPARTMENT_ADMIN);
        var checks = FieldChecks.create();
        String name = checks.text("name", request.name(), 100, true);
        String id = request.id().map(DepartmentId::value).orElseGet(() -> slug(name));
        if (!KEBAB.matcher(id).matches() || id.length() > 64) {
            checks.add("id", "must be kebab-case: lower-case letters, digits and single dashes, at most 64");
        }
        checks.throwIfAny();
        var department = new Department(DepartmentId.of(id), name,
                request.assignmentMode().orElse(AssignmentMode.MANUAL));
        var created = transactions.write(tx -> {
            if (!tx.departments().insertIfAbsent(department)) {
                throw ConflictException.duplicate("department", "id " + id);
            }
            tx.audit().append(ChangeSet.create().added("name", name).added("assignmentMode", department.assignmentMode())
                    .entry("department", id, clock.instant(), actor, "department.created"));
            return department;
        });
        modesChanged.run();
        return created;
    }

    @Override
    public Department changeAssignmentMode(Actor actor, DepartmentId id, AssignmentMode mode) {
        actor.require(Permission.DEPARTMENT_ADMIN);
        if (mode == null) {
            throw new ValidationException(FieldError.of("assignmentMode", "is required"));
        }
        var changed = transactions.write(tx -> {
            var current = tx.departments().find(id).orElseThrow(() -> NotFoundException.of("department", id.value()));
            if (current.assignmentMode() == mode) {
                return current;
            }
            tx.departments().updateAssignmentMode(id, mode);
            tx.audit().append(ChangeSet.create().field("assignmentMode", current.assignmentMode(), mode)
                    .entry("department", id.value(), clock.instant(), actor, "department.assignment-mode"));
            return current.withAssignmentMode(mode);
        });
        modesChanged.run();
        return changed;
    }

    private String slug(String name) {
        String ascii = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        // Names without Latin letters (e.g. 售后部) get a generated id.
        return ascii.isEmpty() ? "dept-" + ids.next().substring(24) : ascii;
    }
}
