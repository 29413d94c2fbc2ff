package dev.rapport.api.security;

import dev.rapport.api.Identifier;

/** The id of a department. */
public record DepartmentId(String value) implements Identifier {
    public DepartmentId {
        Identifier.checked(value, "DepartmentId");
    }

    /** The id with this value. @throws IllegalArgumentException when blank */
    public static DepartmentId of(String value) {
        return new DepartmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
