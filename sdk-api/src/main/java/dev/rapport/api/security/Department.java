package dev.rapport.api.security;

import java.util.Objects;

/** An organisational unit that owns tickets of the types routed to it (SPEC §2). */
public record Department(DepartmentId id, String name) {
    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
