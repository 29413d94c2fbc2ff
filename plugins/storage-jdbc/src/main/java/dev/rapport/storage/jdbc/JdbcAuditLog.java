package dev.rapport.storage.jdbc;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.AuditLog;
import org.jdbi.v3.core.Handle;

import java.util.List;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/** The audit trail in {@code audit_log}; each entry's changes are one JSON object, in the order recorded. */
final class JdbcAuditLog implements AuditLog {
    private final Handle handle;
    private final JsonCodec json;

    JdbcAuditLog(Handle handle, JsonCodec json) {
        this.handle = handle;
        this.json = json;
    }

    @Override
    public void append(AuditEntry entry) {
        String changes = json.changes(entry.changes());
        DirectSql.update(handle, "INSERT INTO audit_log (subject_type, subject_id, recorded_at, actor_id, action, changes) "
                + "VALUES (?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, entry.subjectType());
            statement.setString(2, entry.subjectId());
            DirectSql.setInstant(statement, 3, entry.at());
            statement.setString(4, entry.actorId().value());
            statement.setString(5, entry.action());
            statement.setString(6, changes);
        });
    }

    @Override
    public List<AuditEntry> of(String subjectType, String subjectId) {
        return handle.createQuery("SELECT subject_type, subject_id, recorded_at, actor_id, action, changes "
                        + "FROM audit_log WHERE subject_type = :subjectType AND subject_id = :subjectId ORDER BY position")
                .bind("subjectType", subjectType)
                .bind("subjectId", subjectId)
                .map((rs, ctx) -> new AuditEntry(rs.getString("subject_type"), rs.getString("subject_id"),
                        instant(rs, "recorded_at"), UserId.of(rs.getString("actor_id")), rs.getString("action"),
                        json.changes(rs.getString("changes"))))
                .list();
    }
}
