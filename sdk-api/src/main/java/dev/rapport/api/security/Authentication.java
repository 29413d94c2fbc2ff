package dev.rapport.api.security;

import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.UnauthorizedException;

/** Logs employees in and out with bearer tokens, and turns a token back into an {@link Actor}. */
public interface Authentication {
    /**
     * Checks an employee id and password.
     *
     * @param clientAddress where the attempt comes from (an IP address); repeated failures from one address
     *                      or for one employee id are refused for a cool-down
     * @throws UnauthorizedException the same one whether the employee id is unknown or the password wrong
     * @throws RateLimitedException  after too many failures, until the cool-down ends
     */
    LoginResult login(String employeeId, String password, String clientAddress);

    /**
     * The actor a token stands for.
     *
     * @throws UnauthorizedException when the token is unknown, expired or revoked, or its user inactive
     */
    Actor authenticate(String token);

    /** Revokes the token; revoking an unknown or revoked token does nothing. */
    void logout(String token);
}
