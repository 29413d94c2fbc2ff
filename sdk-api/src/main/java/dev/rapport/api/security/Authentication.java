package dev.rapport.api.security;

import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.error.ValidationException;

/** Logs employees in and out with bearer tokens, and turns a token back into an {@link Actor}. */
public interface Authentication {
    /**
     * Checks an employee id and password. The answer says when the password is a one-time password that must be
     * changed ({@link LoginResult#passwordChangeRequired()}).
     *
     * @param clientAddress where the attempt comes from (an IP address); failures are counted per employee id and
     *                      address, and beyond a few free ones each attempt of the pair waits a growing delay; an
     *                      address with too many failures over all employee ids waits too. The same employee id
     *                      from an address without failures is not slowed down.
     * @throws ValidationException   naming {@code employeeId} beyond 64 characters or {@code password} beyond 256,
     *                               before anything is looked up or recorded
     * @throws UnauthorizedException the same one whether the employee id is unknown or the password wrong
     * @throws RateLimitedException  while the delay runs; the refused attempt is not recorded
     */
    LoginResult login(String employeeId, String password, String clientAddress);

    /**
     * The actor a token stands for.
     *
     * @throws UnauthorizedException when the token is unknown, expired or revoked, or its user inactive
     * @throws ForbiddenException    with code {@code password.change-required} while the user's password is a one-time
     *                               password: only {@link #changePassword} and {@link #logout} work then
     */
    Actor authenticate(String token);

    /**
     * Changes the password of the token's user, who proves it with the current one; every other session of the user
     * is revoked, and a one-time password stops being one. Wrong current passwords are slowed down like failed logins.
     *
     * @throws UnauthorizedException when the token is unknown, expired or revoked, or its user inactive
     * @throws ValidationException   naming {@code currentPassword} when it is wrong, or {@code newPassword} when it is
     *                               not 12 to 256 characters, contains the employee id or the user's name (ignoring
     *                               case), or is the current password
     * @throws RateLimitedException  after too many wrong current passwords, as for {@link #login}
     */
    void changePassword(String token, String currentPassword, String newPassword, String clientAddress);

    /** Revokes the token; revoking an unknown or revoked token does nothing. */
    void logout(String token);
}
