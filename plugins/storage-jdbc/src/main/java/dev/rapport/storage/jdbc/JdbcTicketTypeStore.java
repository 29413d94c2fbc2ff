package dev.rapport.storage.jdbc;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.spi.storage.TicketTypeStore;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.TicketType;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;

/** The ticket-type catalog in {@code ticket_types}. */
final class JdbcTicketTypeStore implements TicketTypeStore {
    private final Handle handle;
    private final Dialect dialect;

    JdbcTicketTypeStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public boolean insertIfAbsent(TicketType type) {
        return InsertIfAbsent.insert(handle, dialect, "ticket_types", "code", Map.of(
                "code", type.code(),
                "name", type.name(),
                "default_department", type.defaultDepartment().value(),
                "stage", type.stage().name()));
    }

    @Override
    public Optional<TicketType> find(String code) {
        return DirectSql.first(handle, "SELECT code, name, default_department, stage FROM ticket_types WHERE code = ?",
                statement -> statement.setString(1, code), JdbcTicketTypeStore::ticketType);
    }

    @Override
    public List<TicketType> list() {
        return handle.createQuery("SELECT code, name, default_department, stage FROM ticket_types ORDER BY code")
                .map((rs, ctx) -> ticketType(rs))
                .list();
    }

    @Override
    public void save(TicketType type) {
        int updated = handle.createUpdate("UPDATE ticket_types SET name = :name, default_department = :department, "
                        + "stage = :stage WHERE code = :code")
                .bind("code", type.code())
                .bind("name", type.name())
                .bind("department", type.defaultDepartment().value())
                .bind("stage", type.stage().name())
                .execute();
        if (updated == 0) {
            insertIfAbsent(type);
        }
    }

    private static TicketType ticketType(ResultSet rs) throws SQLException {
        return new TicketType(rs.getString("code"), rs.getString("name"),
                DepartmentId.of(rs.getString("default_department")), enumValue(rs, "stage", LifecycleStage.class));
    }
}
