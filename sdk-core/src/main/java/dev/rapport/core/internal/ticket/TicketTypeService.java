package dev.rapport.core.internal.ticket;

import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Permission;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.api.ticket.TicketTypes;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The ticket-type catalog and SPEC §4's default types. */
public final class TicketTypeService implements TicketTypes {
    /** SPEC §4: each type with its default department and life-cycle stage. */
    public static final List<TicketType> DEFAULTS = List.of(
            new TicketType("CONSULTATION", "Consultation", DepartmentId.of("customer-service"), LifecycleStage.PRE_SALES),
            new TicketType("COMPLAINT", "Complaint", DepartmentId.of("after-sales"), LifecycleStage.AFTER_SALES),
            new TicketType("CHANGE_REQUEST", "Change request", DepartmentId.of("product"), LifecycleStage.IN_SALES),
            new TicketType("AFTER_SALES_SUPPORT", "After-sales support", DepartmentId.of("technical-support"),
                    LifecycleStage.AFTER_SALES),
            new TicketType("VALUE_ADDED", "Value-added service", DepartmentId.of("account-management"),
                    LifecycleStage.VALUE_ADDED));

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,49}");

    private final Transactions transactions;
    private final Clock clock;
    private final Runnable catalogChanged;

    /** @param catalogChanged told after the catalog changed, to drop cached copies */
    public TicketTypeService(Transactions transactions, Clock clock, Runnable catalogChanged) {
        this.transactions = transactions;
        this.clock = clock;
        this.catalogChanged = catalogChanged;
    }

    @Override
    public List<TicketType> list(Actor actor) {
        return transactions.read(tx -> tx.ticketTypes().list());
    }

    @Override
    public List<TicketType> replace(Actor actor, List<TicketType> types) {
        actor.require(Permission.CATALOG_ADMIN);
        var result = transactions.write(tx -> {
            var existing = tx.ticketTypes().list().stream()
                    .collect(Collectors.toMap(TicketType::code, Function.identity()));
            var checks = FieldChecks.create();
            var seen = new HashSet<String>();
            for (int i = 0; i < types.size(); i++) {
                var type = types.get(i);
                String at = "items[" + i + "].";
                if (!CODE.matcher(type.code()).matches()) {
                    checks.add(at + "code", "must be upper-case letters, digits and underscores, such as COMPLAINT");
                } else if (!seen.add(type.code())) {
                    checks.add(at + "code", "appears more than once");
                }
                checks.text(at + "name", type.name(), 100, true);
                if (tx.departments().find(type.defaultDepartment()).isEmpty()) {
                    checks.add(at + "defaultDepartment", "is not a known department");
                }
            }
            existing.keySet().stream().filter(code -> !seen.contains(code)).sorted().forEach(code ->
                    checks.add("items", "must keep type " + code + ": tickets of that type exist or may"));
            checks.throwIfAny();
            var at = clock.instant();
            for (TicketType type : types) {
                var before = existing.get(type.code());
                if (!type.equals(before)) {
                    tx.ticketTypes().save(type);
                    tx.audit().append(ChangeSet.create().field("type", before, type)
                            .entry("ticket-type", type.code(), at, actor, "catalog.ticket-type.saved"));
                }
            }
            return tx.ticketTypes().list();
        });
        catalogChanged.run();
        return result;
    }
}
