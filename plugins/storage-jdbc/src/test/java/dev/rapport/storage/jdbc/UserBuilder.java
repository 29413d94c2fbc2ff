package dev.rapport.storage.jdbc;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.storage.jdbc.Fixtures.T0;

/** An active front-line agent of customer-service with a unique employee id, unless told otherwise. */
final class UserBuilder {
    private UserId id = UserId.of(Fixtures.newId());
    private String employeeId = "E%05d".formatted(Fixtures.unique());
    private Optional<DepartmentId> departmentId = Optional.of(DepartmentId.of("customer-service"));
    private Set<Role> roles = Set.of(Role.AGENT);
    private Tier tier = Tier.FRONT_LINE;
    private boolean active = true;
    private Optional<String> email = Optional.empty();
    private Locale locale = User.DEFAULT_LOCALE;

    static UserBuilder aUser() {
        return new UserBuilder();
    }

    UserBuilder withEmployeeId(String employeeId) {
        this.employeeId = employeeId;
        return this;
    }

    UserBuilder withoutDepartment() {
        this.departmentId = Optional.empty();
        return this;
    }

    UserBuilder withRoles(Role... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    UserBuilder withTier(Tier tier) {
        this.tier = tier;
        return this;
    }

    UserBuilder withEmail(String email) {
        this.email = Optional.of(email);
        return this;
    }

    UserBuilder withLocale(Locale locale) {
        this.locale = locale;
        return this;
    }

    UserBuilder inactive() {
        this.active = false;
        return this;
    }

    User build() {
        return new User(id, employeeId, "Wang Fang", departmentId, roles, tier, active, T0, 1, email, locale);
    }
}
