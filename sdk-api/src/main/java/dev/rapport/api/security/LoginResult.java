package dev.rapport.api.security;

import java.time.Instant;

/**
 * A successful login.
 *
 * @param token                  the bearer token; shown once, only its hash is stored
 * @param expiresAt              after this instant the token is refused
 * @param passwordChangeRequired the password is a one-time password an admin set: until the user changes it with
 *                               {@link Authentication#changePassword}, the token is good for nothing else
 */
public record LoginResult(String token, Instant expiresAt, User user, boolean passwordChangeRequired) {
    /** A login with a password the user chose. */
    public LoginResult(String token, Instant expiresAt, User user) {
        this(token, expiresAt, user, false);
    }

    @Override
    public String toString() {
        return "LoginResult[token=****, expiresAt=" + expiresAt + ", user=" + user.employeeId()
                + ", passwordChangeRequired=" + passwordChangeRequired + "]";
    }
}
