package dev.rapport.storage.jdbc;

import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.TicketExceptionStore;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.TicketException;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;

/** Tickets' exceptions in {@code ticket_exceptions}, in the order they were recorded. */
final class JdbcTicketExceptionStore implements TicketExceptionStore {
    private static final String COLUMNS = "ticket_id, kind, description, customer_informed, new_eta, recorded_by, "
            + "recorded_at";

    private final Handle handle;

    JdbcTicketExceptionStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void add(TicketId ticket, TicketException exception) {
        handle.createUpdate("INSERT INTO ticket_exceptions (" + COLUMNS + ") VALUES (:ticketId, :kind, :description, "
                        + ":customerInformed, :newEta, :recordedBy, :at)")
                .bind("ticketId", ticket.value())
                .bind("kind", exception.kind().name())
                .bind("description", exception.description())
                .bind("customerInformed", exception.customerInformed())
                .bind("newEta", instant(exception.newEta()))
                .bind("recordedBy", exception.recordedBy().value())
                .bind("at", instant(exception.at()))
                .execute();
    }

    @Override
    public List<TicketException> of(TicketId ticket) {
        return DirectSql.list(handle, "SELECT " + COLUMNS + " FROM ticket_exceptions WHERE ticket_id = ? ORDER BY position",
                statement -> statement.setString(1, ticket.value()), JdbcTicketExceptionStore::exception);
    }

    @Override
    public Map<TicketId, List<TicketException>> of(Collection<TicketId> tickets, ExceptionKind kind) {
        var found = new LinkedHashMap<TicketId, List<TicketException>>();
        if (tickets.isEmpty()) {
            return found;
        }
        handle.createQuery("SELECT " + COLUMNS + " FROM ticket_exceptions WHERE ticket_id IN (<tickets>) "
                        + "AND kind = :kind ORDER BY position")
                .bindList("tickets", tickets.stream().map(TicketId::value).distinct().toList())
                .bind("kind", kind.name())
                .map((rs, ctx) -> Map.entry(TicketId.of(rs.getString("ticket_id")), exception(rs)))
                .forEach(row -> found.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        return found;
    }

    private static TicketException exception(ResultSet rs) throws SQLException {
        return new TicketException(enumValue(rs, "kind", ExceptionKind.class), rs.getString("description"),
                rs.getString("customer_informed"), optionalInstant(rs, "new_eta"),
                UserId.of(rs.getString("recorded_by")), instant(rs, "recorded_at"));
    }
}
