package dev.rapport.api.audit;

import java.util.Objects;
import java.util.Optional;

/** One field's value before and after a change, as text; empty where the field had or has no value. */
public record Change(Optional<String> before, Optional<String> after) {
    public Change {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public static Change of(Object before, Object after) {
        return new Change(Optional.ofNullable(before).map(String::valueOf), Optional.ofNullable(after).map(String::valueOf));
    }
}
