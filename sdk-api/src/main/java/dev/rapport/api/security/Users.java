package dev.rapport.api.security;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.ValidationException;

import java.util.Locale;
import java.util.Optional;

/** Employees and their bindings to departments and roles. */
public interface Users {
    /**
     * Creates a user; needs {@link Permission#USER_ADMIN}.
     *
     * @throws ValidationException naming every invalid field
     * @throws ConflictException   when the employee id is taken
     */
    User create(Actor actor, NewUser user);

    /** Needs {@link Permission#USER_READ}. */
    User get(Actor actor, UserId id);

    /**
     * The user a host knows by its employee id (as given at creation, matched exactly), or empty; needs
     * {@link Permission#USER_READ}. For a host that keys its own records by employee id, e.g. from its HR system.
     */
    Optional<User> byEmployeeId(Actor actor, String employeeId);

    /**
     * The actor's own user: needs no permission, since everyone may see who they are logged in as.
     *
     * @throws dev.rapport.api.error.NotFoundException for an actor that is no stored user, such as {@link Actor#system()}
     */
    User me(Actor actor);

    /**
     * Sets the language the actor reads the console and notifications in: one of {@link User#LOCALES}. Needs no
     * permission: it is the actor's own preference.
     *
     * @throws ValidationException naming {@code locale} for any other language
     */
    User changeLocale(Actor actor, Locale locale);

    /**
     * Changes a user's name, department, roles, tier, active flag or e-mail; needs {@link Permission#USER_ADMIN}.
     * Admins cannot remove their own ADMIN role nor deactivate themselves, so that an installation does not lose its
     * last admin by accident. A deactivated user can no longer log in, and their sessions are revoked: reactivating
     * the user does not revive them. Taking a role away revokes the user's sessions too.
     *
     * @throws ValidationException naming every invalid field, and {@code roles} or {@code active} for a change an
     *                             admin tries on themselves
     * @throws ConflictException   when {@code update.version()} is not the stored version
     * @throws dev.rapport.api.error.NotFoundException for an unknown user
     */
    User update(Actor actor, UserId id, UserUpdate update);

    /**
     * Gives a user a one-time password, e.g. after they forgot theirs; needs {@link Permission#USER_ADMIN}. Every
     * session of the user is revoked, and at the next sign-in the user must choose a password of their own
     * ({@link Authentication#changePassword}) before anything else works.
     *
     * @throws ValidationException naming {@code temporaryPassword} when it is not 12 to 256 characters or contains the
     *                             user's employee id or name (ignoring case)
     * @throws dev.rapport.api.error.NotFoundException for an unknown user
     */
    void setTemporaryPassword(Actor actor, UserId id, String temporaryPassword);

    /** Users by employee id; needs {@link Permission#USER_READ}. */
    Page<User> list(Actor actor, PageRequest page);

    /**
     * On a store without any user, creates the user {@code admin} with role ADMIN and a generated password,
     * and returns that password (shown once, stored only as a hash). Returns empty when any user exists.
     */
    Optional<String> createInitialAdmin();
}
