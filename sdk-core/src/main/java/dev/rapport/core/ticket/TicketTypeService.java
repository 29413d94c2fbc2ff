package dev.rapport.core.ticket;

import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.api.ticket.TicketTypes;
import dev.rapport.core.Transactions;

import java.util.List;

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

    private final Transactions transactions;

    public TicketTypeService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<TicketType> list(Actor actor) {
        return transactions.read(tx -> tx.ticketTypes().list());
    }
}
