package dev.rapport.api.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a newest-first page continues: strictly before this point in (time, id) order, that is
 * {@code at < this.at OR (at = this.at AND id < this.id)}.
 */
public record Before(Instant at, String id) {
    public Before {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }
}
