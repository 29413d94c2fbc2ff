package dev.rapport.core.internal.security;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.UserUpdate;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.rapport.core.testing.Fixtures.PASSWORD;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an admin changes about users after creating them: roles, department, tier, e-mail, and who may log in. */
class UserAdministrationTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void anAdminMovesAUserToAnotherDepartmentRoleAndTierAndTheChangeIsAudited(TestDatabase db) throws SQLException {
        var coordinates = db.fresh();
        Rapport rapport = rapports.start(Fixtures.builder(coordinates, clock));
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var agent = user(rapport, Role.AGENT, "customer-service");

        var changed = rapport.users().update(admin, agent.id(), UserUpdate.of(agent.version())
                .department(DepartmentId.of("technical-support")).roles(Set.of(Role.EXPERT, Role.SUPERVISOR))
                .tier(Tier.EXPERT).email("li.lei@rapport.example").build());

        assertThat(changed.departmentId()).contains(DepartmentId.of("technical-support"));
        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.EXPERT, Role.SUPERVISOR);
        assertThat(changed.tier()).isEqualTo(Tier.EXPERT);
        assertThat(changed.email()).contains("li.lei@rapport.example");
        assertThat(changed.name()).as("fields not given stay").isEqualTo(agent.name());
        assertThat(changed.version()).isEqualTo(agent.version() + 1);
        assertThat(rapport.users().get(admin, agent.id())).isEqualTo(changed);
        var login = rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.1");
        assertThat(rapport.authentication().authenticate(login.token()).has(Permission.TICKET_ASSIGN))
                .as("the new role's permissions hold from the next login").isTrue();
        assertThat(auditedActions(coordinates, agent.id().value())).containsExactly("user.created", "user.updated");
    }

    @StorageTest
    void aDeactivatedUserCanNoLongerLogInAndTheirSessionStops(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var agent = user(rapport, Role.AGENT, "customer-service");
        var session = rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.1");

        var inactive = rapport.users().update(admin, agent.id(), UserUpdate.of(agent.version()).active(false).build());

        assertThat(inactive.active()).isFalse();
        assertThatThrownBy(() -> rapport.authentication().authenticate(session.token()))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.2"))
                .isInstanceOf(UnauthorizedException.class);

        rapport.users().update(admin, agent.id(), UserUpdate.of(inactive.version()).active(true).build());
        assertThat(rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.3").user().id())
                .isEqualTo(agent.id());
        assertThatThrownBy(() -> rapport.authentication().authenticate(session.token()))
                .as("the token from before the deactivation stays revoked").isInstanceOf(UnauthorizedException.class);
    }

    @StorageTest
    void anAdminCannotTakeTheirOwnAdminRoleNorDeactivateThemselves(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = user(rapport, Role.ADMIN, "customer-service");
        var self = Actor.of(admin);

        assertThatThrownBy(() -> rapport.users().update(self, admin.id(), UserUpdate.of(admin.version())
                .roles(Set.of(Role.SUPERVISOR)).active(false).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("roles", "active"));
        var kept = rapport.users().update(self, admin.id(), UserUpdate.of(admin.version())
                .roles(Set.of(Role.ADMIN, Role.SUPERVISOR)).build());
        assertThat(kept.roles()).as("adding roles to oneself is fine").contains(Role.ADMIN, Role.SUPERVISOR);
        assertThat(kept.active()).isTrue();
    }

    @StorageTest
    void badFieldsAreAllNamedAndNothingIsStored(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var agent = user(rapport, Role.AGENT, "customer-service");

        assertThatThrownBy(() -> rapport.users().update(admin, agent.id(), UserUpdate.of(agent.version())
                .name(" ").department(DepartmentId.of("nowhere")).roles(Set.of()).email("not-an-address").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "departmentId", "roles", "email"));
        assertThat(rapport.users().get(admin, agent.id())).isEqualTo(agent);
    }

    @StorageTest
    void aChangeBasedOnAStaleVersionIsRefused(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var agent = user(rapport, Role.AGENT, "customer-service");
        rapport.users().update(admin, agent.id(), UserUpdate.of(agent.version()).tier(Tier.EXPERT).build());

        assertThatThrownBy(() -> rapport.users().update(admin, agent.id(),
                UserUpdate.of(agent.version()).tier(Tier.ACCOUNT_MANAGER).build()))
                .isInstanceOf(ConflictException.class);
        assertThat(rapport.users().get(admin, agent.id()).tier()).isEqualTo(Tier.EXPERT);
    }

    @StorageTest
    void onlyUserAdminsChangeUsersAndAnEmptyChangeLeavesTheVersion(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var supervisor = Actor.of(user(rapport, Role.SUPERVISOR, "customer-service"));
        var agent = user(rapport, Role.AGENT, "customer-service");

        assertThatThrownBy(() -> rapport.users().update(supervisor, agent.id(),
                UserUpdate.of(agent.version()).active(false).build())).isInstanceOf(ForbiddenException.class);
        var same = rapport.users().update(admin, agent.id(), UserUpdate.of(agent.version())
                .roles(Set.of(Role.AGENT)).name(agent.name()).build());
        assertThat(same.version()).isEqualTo(agent.version());
    }

    @StorageTest
    void aHostFindsAUserByTheEmployeeIdItKnowsThemBy(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        var reader = Actor.of(user(rapport, Role.EXPERT, "technical-support"));

        assertThat(rapport.users().byEmployeeId(reader, agent.employeeId())).contains(agent);
        assertThat(rapport.users().byEmployeeId(reader, agent.employeeId().toUpperCase(java.util.Locale.ROOT) + "X"))
                .isEmpty();
        var nobody = new Actor(agent.id(), java.util.Optional.empty(), Set.of());
        assertThatThrownBy(() -> rapport.users().byEmployeeId(nobody, agent.employeeId()))
                .isInstanceOf(ForbiddenException.class);
    }

    /** The actions of the audit trail of a user, oldest first, read straight from the database. */
    private static List<String> auditedActions(DatabaseCoordinates db, String userId) throws SQLException {
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             var query = connection.prepareStatement(
                     "SELECT action FROM audit_log WHERE subject_type = 'user' AND subject_id = ? ORDER BY position")) {
            query.setString(1, userId);
            var actions = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
            return actions;
        }
    }
}
