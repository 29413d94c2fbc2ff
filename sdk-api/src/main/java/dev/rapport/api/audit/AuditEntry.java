package dev.rapport.api.audit;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One change in the audit trail: who did what to which thing, when, with each changed field before and after.
 *
 * @param subjectType what was changed: {@code ticket}, {@code customer}, {@code user}, {@code department}
 * @param subjectId   the id of what was changed
 * @param action      a stable dotted name such as {@code ticket.assigned}
 * @param changes     field name to its values before and after, in the order they were recorded
 */
public record AuditEntry(String subjectType, String subjectId, Instant at, UserId actorId, String action,
                         Map<String, Change> changes) {
    public AuditEntry {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
