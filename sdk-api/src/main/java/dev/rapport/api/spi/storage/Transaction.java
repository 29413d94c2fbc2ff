package dev.rapport.api.spi.storage;

/** The repositories of one open transaction. Valid only inside {@link Storage#inTransaction}. */
public interface Transaction {
    CustomerStore customers();

    TicketStore tickets();

    UserStore users();

    SessionStore sessions();

    DepartmentStore departments();

    TicketTypeStore ticketTypes();

    AuditLog audit();

    Outbox outbox();

    /** The next value of a counter; values are unique across nodes and may have gaps. */
    long next(Counter counter);
}
