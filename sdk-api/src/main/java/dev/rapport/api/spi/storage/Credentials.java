package dev.rapport.api.spi.storage;

import dev.rapport.api.security.User;

/**
 * A user with the stored hash of their password (never the password).
 *
 * @param passwordChangeRequired whether the password is a one-time password that must be changed before anything else
 */
public record Credentials(User user, String passwordHash, boolean passwordChangeRequired) {
    /** Credentials of a password the user chose. */
    public Credentials(User user, String passwordHash) {
        this(user, passwordHash, false);
    }

    @Override
    public String toString() {
        return "Credentials[" + user.employeeId() + ", hash=****, passwordChangeRequired=" + passwordChangeRequired
                + "]";
    }
}
