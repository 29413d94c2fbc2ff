package dev.rapport.core.internal.security;

import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewRole;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.RoleDefinition;
import dev.rapport.api.security.RoleUpdate;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserUpdate;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;

import static dev.rapport.core.testing.Fixtures.PASSWORD;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roles an admin defines (issue 16): a name and a set of permissions, never leaving the installation without an
 * admin.
 */
class RoleAdministrationTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void aQualityRoleReadsEveryTicketAndWorksNone(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var quality = rapport.roles().create(admin, new NewRole("quality", List.of("ticket.read.all", "report.read")));
        var inspector = Actor.of(user(rapport, quality.role(), "customer-service"));
        var agent = Actor.of(user(rapport, Role.AGENT, "after-sales"));
        var ticket = rapport.tickets().open(agent, aTicket(customer(rapport).id()).build());

        assertThat(quality.builtIn()).isFalse();
        assertThat(inspector.permissions()).containsExactlyInAnyOrder(Permission.TICKET_READ_ALL,
                Permission.REPORT_READ);
        assertThat(rapport.tickets().get(inspector, ticket.id()).ticket().id()).isEqualTo(ticket.id());
        assertThat(rapport.tickets().list(inspector, TicketFilter.all(), PageRequest.first()).items())
                .extracting(t -> t.id()).contains(ticket.id());
        assertThatThrownBy(() -> rapport.tickets().addProgress(inspector, ticket.id(),
                AddProgress.note("Looked at it", Visibility.INTERNAL, ticket.version())))
                .isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void aRoleNeedsAFreeNameAndKnownPermissionsAndOnlyAnAdminDefinesOne(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var supervisor = Actor.of(user(rapport, Role.SUPERVISOR, "customer-service"));

        assertThatThrownBy(() -> rapport.roles().create(admin,
                new NewRole("quality lead", List.of("ticket.read.all", "ticket.read.everything"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("name", "permissions[1]"));
        assertThatThrownBy(() -> rapport.roles().create(admin, new NewRole("AGENT", List.of())))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("role.duplicate"));
        assertThatThrownBy(() -> rapport.roles().create(supervisor, new NewRole("quality", List.of())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(rapport.roles().list(admin)).extracting(RoleDefinition::name)
                .containsExactly("ACCOUNT_MANAGER", "ADMIN", "AGENT", "EXPERT", "SUPERVISOR");
        assertThat(rapport.roles().permissions(admin)).hasSize(Permission.values().length)
                .allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @StorageTest
    void aBuiltInRoleIsEditedWithTheVersionItWasReadAtAndAStaleOneIsRefused(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var expert = definition(rapport, Role.EXPERT);
        var withoutContactData = expert.permissions().stream().map(Permission::key).toList();

        var changed = rapport.roles().update(admin, Role.EXPERT, new RoleUpdate(
                append(withoutContactData, "report.read"), expert.version()));

        assertThat(changed.builtIn()).isTrue();
        assertThat(changed.version()).isEqualTo(expert.version() + 1);
        assertThat(changed.permissions()).contains(Permission.REPORT_READ);
        assertThatThrownBy(() -> rapport.roles().update(admin, Role.EXPERT,
                new RoleUpdate(withoutContactData, expert.version())))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("role.version.stale"));
        assertThatThrownBy(() -> rapport.roles().update(admin, Role.of("nobody"),
                new RoleUpdate(List.of(), 1))).isInstanceOf(NotFoundException.class);
        assertThat(definition(rapport, Role.EXPERT)).isEqualTo(changed);
    }

    @StorageTest
    void noChangeLeavesTheInstallationWithoutAnActiveUserWhoAdministers(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var adminUser = user(rapport, Role.ADMIN, "customer-service");
        var admin = Actor.of(adminUser);
        var adminRole = definition(rapport, Role.ADMIN);
        var withoutUserAdmin = adminRole.permissions().stream().filter(p -> p != Permission.USER_ADMIN)
                .map(Permission::key).toList();

        assertThatThrownBy(() -> rapport.roles().update(admin, Role.ADMIN,
                new RoleUpdate(withoutUserAdmin, adminRole.version())))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("role.last-admin");
                    assertThat(e).hasMessageContaining("user.admin");
                });
        assertThat(definition(rapport, Role.ADMIN)).as("nothing changed").isEqualTo(adminRole);
        assertThatThrownBy(() -> rapport.users().update(Actor.system(), adminUser.id(),
                UserUpdate.of(adminUser.version()).active(false).build()))
                .as("nor may the host deactivate the last admin")
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("role.last-admin"));

        var userAdmins = rapport.roles().create(admin, new NewRole("user-admins", List.of("user.admin", "user.read")));
        user(rapport, userAdmins.role(), "customer-service");
        var changed = rapport.roles().update(admin, Role.ADMIN, new RoleUpdate(withoutUserAdmin, adminRole.version()));

        assertThat(changed.permissions()).doesNotContain(Permission.USER_ADMIN);
    }

    @StorageTest
    void aUserCannotBeGivenARoleThatDoesNotExist(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var agent = user(rapport, Role.AGENT, "customer-service");

        assertThatThrownBy(() -> rapport.users().create(admin, new NewUser("inspector", "Inspector",
                DepartmentId.of("customer-service"), Set.of(Role.of("quality")), Tier.FRONT_LINE, PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("roles"));
        assertThatThrownBy(() -> rapport.users().update(admin, agent.id(), UserUpdate.of(agent.version())
                .roles(Set.of(Role.AGENT, Role.of("quality"))).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("roles",
                                "names unknown roles [quality] (GET /api/v1/roles lists them)")));
    }

    @StorageTest
    void aRoleChangeTakesEffectAtTheNextRequestOnThisNodeAndWithinTheCacheBoundOnAnother(TestDatabase db) {
        var database = db.fresh();
        var nodeA = rapports.start(Fixtures.builder(database, clock));
        var nodeB = rapports.start(Fixtures.builder(database, clock));
        var admin = Actor.of(user(nodeA, Role.ADMIN, "customer-service"));
        var quality = nodeA.roles().create(admin, new NewRole("quality", List.of("ticket.read.all")));
        User inspector = user(nodeA, quality.role(), "customer-service");
        var token = nodeA.authentication().login(inspector.employeeId(), PASSWORD, "10.0.0.1").token();
        assertThat(nodeA.authentication().authenticate(token).has(Permission.REPORT_READ)).isFalse();
        assertThat(nodeB.authentication().authenticate(token).has(Permission.REPORT_READ)).isFalse();

        nodeA.roles().update(admin, quality.role(), new RoleUpdate(List.of("ticket.read.all", "report.read"),
                quality.version()));

        assertThat(nodeA.authentication().authenticate(token).has(Permission.REPORT_READ))
                .as("the node that made the change forgets the sessions it checked").isTrue();
        // Node B trusts what it checked for SessionCache.TTL (2 s), then asks the database again.
        Eventually.until("node B sees the role's new permission",
                () -> nodeB.authentication().authenticate(token).has(Permission.REPORT_READ));
    }

    private static RoleDefinition definition(Rapport rapport, Role role) {
        return rapport.roles().list(Actor.system()).stream().filter(r -> r.role().equals(role)).findFirst()
                .orElseThrow();
    }

    private static List<String> append(List<String> keys, String key) {
        var all = new java.util.ArrayList<>(keys);
        all.add(key);
        return all;
    }
}
