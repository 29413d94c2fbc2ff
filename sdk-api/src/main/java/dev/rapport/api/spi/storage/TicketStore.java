package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.FrontLine;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ProgressEntry;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tickets with their progress entries and confirmations. {@code sla.breached} and {@code sla.atRisk} are not
 * stored; {@code sla.nextAlarmAt()}, {@code sla.nearestDue()} and {@code sla.earliestWarning()} must be kept indexed
 * for {@link #dueForAlarm} and the SLA lists of {@link #list}; tags must be kept indexed for {@link #tagged} and the
 * tag filter of {@link #list}, which match them ignoring case. The intake owner and intake department are written
 * once by {@link #insert} and kept indexed for {@link #serves} and the {@code servedBy} filter of {@link #list}: a
 * front line serves a customer when a ticket of that customer has the front line's user as intake owner, or the front
 * line's department as intake department.
 */
public interface TicketStore {
    /** Stores a new ticket as given (its id and number are new); {@code sla.breached} is not stored. */
    void insert(Ticket ticket);

    /** The ticket exactly as last inserted or updated, with an empty {@code sla.breached}; or empty. */
    Optional<Ticket> find(TicketId id);

    /** The tickets of {@code ids} that exist, as {@link #find} reads them, in no particular order. */
    List<Ticket> findAll(Collection<TicketId> ids);

    /** The ticket with this number, e.g. {@code T2026000123}. */
    Optional<Ticket> findByNumber(String number);

    /**
     * Replaces the stored ticket if its version is still {@code expectedVersion}.
     *
     * @return false when the stored version differs: nothing was written
     */
    boolean update(Ticket ticket, long expectedVersion);

    /** Appends a progress entry to an existing ticket. */
    void addProgress(TicketId ticket, ProgressEntry entry);

    /** Oldest first. */
    List<ProgressEntry> progress(TicketId ticket);

    /** Appends a customer confirmation to an existing ticket. */
    void addConfirmation(TicketId ticket, Confirmation confirmation);

    /** Oldest first. */
    List<Confirmation> confirmations(TicketId ticket);

    /** At most {@code query.limit()} tickets matching the query, newest (highest id) first. */
    List<Ticket> list(TicketQuery query);

    /**
     * At most {@code limit} tickets whose {@code sla.nextAlarmAt()} is not after {@code now}, earliest first, locked
     * until the transaction ends. Tickets another transaction has locked are skipped where the database can (so that
     * several nodes share the work); where it cannot, the caller's version check keeps each alarm to one node.
     */
    List<Ticket> dueForAlarm(Instant now, int limit);

    /**
     * The open (neither RESOLVED nor CLOSED) tickets of the department, counted per assignee and priority; tickets
     * without an assignee are left out.
     */
    Map<UserId, Map<Priority, Integer>> openWorkload(DepartmentId department);

    /** At most {@code limit} tickets of the customer, newest first by (creation time, id), after {@code before}. */
    List<Ticket> ofCustomer(CustomerId customer, Optional<Before> before, int limit);

    /**
     * At most {@code limit} tickets of {@code type} carrying {@code tag} (ignoring case, as
     * {@code toLowerCase(Locale.ROOT)} compares tags) and created at or after {@code since}, oldest first by (creation
     * time, id).
     */
    List<TaggedTicket> tagged(String type, String tag, Instant since, int limit);

    /** Whether {@code frontLine} serves {@code customer}: a ticket of the customer was filed by its user or department. */
    boolean serves(FrontLine frontLine, CustomerId customer);

    /** Which of {@code ids} exist. */
    Set<TicketId> existing(Collection<TicketId> ids);

    /** Moves every ticket of {@code from} to {@code to}, raising each one's version; returns how many moved. */
    int moveCustomer(CustomerId from, CustomerId to);
}
