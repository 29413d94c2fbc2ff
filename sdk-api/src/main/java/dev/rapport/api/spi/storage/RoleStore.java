package dev.rapport.api.spi.storage;

import dev.rapport.api.security.Role;
import dev.rapport.api.security.RoleDefinition;

import java.util.List;
import java.util.Optional;

/** The roles admins define, by name. The storage creates the five of SPEC §2 with its schema. */
public interface RoleStore {
    /** Every role, ordered by name. */
    List<RoleDefinition> list();

    /** The role with this name, or empty. */
    Optional<RoleDefinition> find(Role role);

    /**
     * Locks every role until the transaction ends, so that two changes which could each take away the last holder of
     * {@code user.admin} happen one after the other and the second sees the first.
     */
    void lockAll();

    /** @throws dev.rapport.api.error.ConflictException when a role of that name exists */
    void insert(RoleDefinition role);

    /**
     * Replaces the permissions of the role with those of {@code role}, whose version is already the next one.
     *
     * @return false when the stored version is not {@code expectedVersion} (or the role is gone)
     */
    boolean update(RoleDefinition role, long expectedVersion);
}
