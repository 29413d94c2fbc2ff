package dev.rapport.api.spi.storage;

import dev.rapport.api.audit.AuditEntry;

import java.util.List;

/** The append-only audit trail. */
public interface AuditLog {
    /** Appends an entry, to commit with the change it describes. */
    void append(AuditEntry entry);

    /** The entries of one subject in the order they were appended. */
    List<AuditEntry> of(String subjectType, String subjectId);
}
