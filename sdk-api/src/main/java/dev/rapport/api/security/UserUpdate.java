package dev.rapport.api.security;

import java.util.Optional;
import java.util.Set;

/**
 * A change an admin makes to a user: each given field replaces the stored one, the others stay. Checked by
 * {@link Users#update}, which names every invalid field.
 *
 * @param version      the version the change was based on; a stale one is refused
 * @param departmentId the department the user now works in; must exist
 * @param roles        the complete new set of roles, each one that exists ({@link Roles}); at least one
 * @param active       false keeps the user from logging in and ends the sessions they have
 * @param email        where notifications reach the user; a blank text removes the address
 */
public record UserUpdate(long version, Optional<String> name, Optional<DepartmentId> departmentId,
                         Optional<Set<Role>> roles, Optional<Tier> tier, Optional<Boolean> active,
                         Optional<String> email) {
    public UserUpdate {
        name = name == null ? Optional.empty() : name;
        departmentId = departmentId == null ? Optional.empty() : departmentId;
        roles = roles == null ? Optional.empty() : roles.map(Set::copyOf);
        tier = tier == null ? Optional.empty() : tier;
        active = active == null ? Optional.empty() : active;
        email = email == null ? Optional.empty() : email;
    }

    /** A change of version {@code version} that changes nothing yet; the builder adds the fields. */
    public static Builder of(long version) {
        return new Builder(version);
    }

    /** Fluent construction of a {@link UserUpdate}. */
    public static final class Builder {
        private final long version;
        private String name;
        private DepartmentId departmentId;
        private Set<Role> roles;
        private Tier tier;
        private Boolean active;
        private String email;

        private Builder(long version) {
            this.version = version;
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder department(DepartmentId id) { this.departmentId = id; return this; }
        public Builder roles(Set<Role> roles) { this.roles = roles; return this; }
        public Builder tier(Tier tier) { this.tier = tier; return this; }
        public Builder active(boolean active) { this.active = active; return this; }
        public Builder email(String email) { this.email = email; return this; }

        public UserUpdate build() {
            return new UserUpdate(version, Optional.ofNullable(name), Optional.ofNullable(departmentId),
                    Optional.ofNullable(roles), Optional.ofNullable(tier), Optional.ofNullable(active),
                    Optional.ofNullable(email));
        }
    }
}
