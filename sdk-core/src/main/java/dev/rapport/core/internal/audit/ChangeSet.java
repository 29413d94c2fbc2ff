package dev.rapport.core.internal.audit;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.audit.Change;
import dev.rapport.api.security.Actor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Collects the fields a change touched, keeping only those whose value differs, for one audit entry. */
public final class ChangeSet {
    private final Map<String, Change> changes = new LinkedHashMap<>();

    public static ChangeSet create() {
        return new ChangeSet();
    }

    /** Records {@code field} when {@code before} and {@code after} differ; Optionals are unwrapped. */
    public ChangeSet field(String field, Object before, Object after) {
        Object b = unwrap(before);
        Object a = unwrap(after);
        if (!Objects.equals(b, a)) {
            changes.put(field, Change.of(b, a));
        }
        return this;
    }

    /**
     * Records {@code field} with the values to show, unless {@code same}: for fields whose shown values (masked,
     * say) may be equal although the real ones differ.
     */
    public ChangeSet changed(String field, boolean same, Object shownBefore, Object shownAfter) {
        if (!same) {
            changes.put(field, Change.of(unwrap(shownBefore), unwrap(shownAfter)));
        }
        return this;
    }

    /** Records {@code field} as newly set, e.g. on creation or for a text that was added. */
    public ChangeSet added(String field, Object value) {
        return field(field, null, value);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public AuditEntry entry(String subjectType, String subjectId, Instant at, Actor actor, String action) {
        return new AuditEntry(subjectType, subjectId, at, actor.userId(), action, changes);
    }

    private static Object unwrap(Object value) {
        return value instanceof Optional<?> optional ? optional.orElse(null) : value;
    }
}
