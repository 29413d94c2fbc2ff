package dev.rapport.api.spi.storage;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users and their password hashes. Employee ids are unique. Every user read comes with the permissions its roles grant
 * at that moment ({@link dev.rapport.api.security.User#permissions()}).
 */
public interface UserStore {
    /** @throws dev.rapport.api.error.ConflictException when the employee id is taken */
    void insert(User user, String passwordHash);

    /**
     * Replaces the user's name, department, roles, tier, active flag, e-mail and locale with those of {@code user},
     * whose version is already the next one; the password hash stays.
     *
     * @return false when the stored version is not {@code expectedVersion} (or the user is gone)
     */
    boolean update(User user, long expectedVersion);

    /**
     * Replaces the user's password hash, and whether the password must be changed at the next sign-in (as after an
     * admin set a one-time password).
     *
     * @return false when the user is gone
     */
    boolean changePassword(UserId user, String passwordHash, boolean changeRequired);

    /** The user with this id and their password hash, or empty. */
    Optional<Credentials> credentials(UserId id);

    /** The user with this id, or empty. */
    Optional<User> find(UserId id);

    /** The user with this employee id and their password hash, or empty. */
    Optional<Credentials> credentials(String employeeId);

    /** Ordered by employee id, starting after {@code afterEmployeeId}. */
    List<User> list(Optional<String> afterEmployeeId, int limit);

    /** The users of a department, active or not, ordered by employee id. */
    List<User> ofDepartment(DepartmentId department);

    /** Whether any active user holds one of {@code roles}. */
    boolean anyActiveWithRoleIn(Set<Role> roles);

    /** Whether any user exists. */
    boolean any();
}
