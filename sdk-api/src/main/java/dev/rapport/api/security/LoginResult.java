package dev.rapport.api.security;

import java.time.Instant;

/**
 * A successful login.
 *
 * @param token     the bearer token; shown once, only its hash is stored
 * @param expiresAt after this instant the token is refused
 */
public record LoginResult(String token, Instant expiresAt, User user) {
    @Override
    public String toString() {
        return "LoginResult[token=****, expiresAt=" + expiresAt + ", user=" + user.employeeId() + "]";
    }
}
