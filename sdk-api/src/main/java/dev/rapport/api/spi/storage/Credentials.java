package dev.rapport.api.spi.storage;

import dev.rapport.api.security.User;

/** A user with the stored hash of their password (never the password). */
public record Credentials(User user, String passwordHash) {
    @Override
    public String toString() {
        return "Credentials[" + user.employeeId() + ", hash=****]";
    }
}
