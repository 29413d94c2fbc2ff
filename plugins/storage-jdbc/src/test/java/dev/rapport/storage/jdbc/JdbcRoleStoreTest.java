package dev.rapport.storage.jdbc;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.RoleDefinition;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.EnumSet;
import java.util.Set;

import static dev.rapport.api.security.Permission.*;
import static dev.rapport.storage.jdbc.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcRoleStoreTest {
    private static final Role QUALITY = Role.of("quality");

    @StorageTest
    void theFiveRolesOfSpecSection2ExistFromTheStartWithThePermissionsTheyAlwaysHad(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            var roles = storage.get(tx -> tx.roles().list());

            assertThat(roles).extracting(RoleDefinition::name)
                    .containsExactly("ACCOUNT_MANAGER", "ADMIN", "AGENT", "EXPERT", "SUPERVISOR");
            assertThat(roles).allSatisfy(role -> {
                assertThat(role.builtIn()).isTrue();
                assertThat(role.version()).isEqualTo(1);
            });
            assertThat(permissions(roles, Role.AGENT)).isEqualTo(EnumSet.of(CUSTOMER_READ, CUSTOMER_WRITE,
                    CUSTOMER_PII_READ, TICKET_CREATE, TICKET_READ, TICKET_READ_FRONT_LINE, TICKET_WORK, USER_READ,
                    FOLLOW_UP_WORK, IMPROVEMENT_READ));
            assertThat(permissions(roles, Role.EXPERT)).isEqualTo(EnumSet.of(CUSTOMER_READ, TICKET_CREATE,
                    TICKET_READ, TICKET_WORK, TICKET_ACCEPT, USER_READ, FOLLOW_UP_WORK, IMPROVEMENT_READ));
            assertThat(permissions(roles, Role.ACCOUNT_MANAGER)).isEqualTo(EnumSet.of(CUSTOMER_READ,
                    CUSTOMER_WRITE, CUSTOMER_PII_READ, TICKET_CREATE, TICKET_READ, TICKET_WORK, USER_READ,
                    FOLLOW_UP_WORK, IMPROVEMENT_READ));
            assertThat(permissions(roles, Role.SUPERVISOR)).isEqualTo(EnumSet.of(CUSTOMER_READ, CUSTOMER_WRITE,
                    CUSTOMER_MERGE, CUSTOMER_PII_READ, TICKET_CREATE, TICKET_READ, TICKET_READ_ALL, TICKET_WORK,
                    TICKET_WORK_ALL, TICKET_ASSIGN, TICKET_REASSIGN_OWNED, TICKET_ACCEPT, USER_READ, FOLLOW_UP_WORK,
                    FOLLOW_UP_WORK_DEPARTMENT, REPORT_READ, IMPROVEMENT_READ, IMPROVEMENT_MANAGE));
            assertThat(permissions(roles, Role.ADMIN)).isEqualTo(EnumSet.of(USER_READ, USER_ADMIN,
                    DEPARTMENT_ADMIN, SLA_ADMIN, CATALOG_ADMIN, EVENTS_ADMIN, CUSTOMER_READ, CUSTOMER_MERGE,
                    TICKET_READ, TICKET_READ_ALL, FOLLOW_UP_WORK_ALL, REPORT_READ, REPORT_READ_ALL, IMPROVEMENT_READ,
                    IMPROVEMENT_MANAGE));
        }
    }

    @StorageTest
    void aRoleRoundTripsAndASecondOfTheSameNameIsAConflict(TestDatabase db) {
        var quality = new RoleDefinition(QUALITY, EnumSet.of(TICKET_READ_ALL, REPORT_READ), false, 1);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.roles().insert(quality));

            assertThat(find(storage, QUALITY)).contains(quality);
            assertThat(find(storage, Role.of("QUALITY"))).as("names are exact").isEmpty();
            assertThatThrownBy(() -> storage.run(tx -> tx.roles().insert(
                    new RoleDefinition(QUALITY, Set.of(), false, 1))))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("role.duplicate"));
            assertThat(find(storage, QUALITY)).contains(quality);
        }
    }

    @StorageTest
    void anUpdateReplacesThePermissionsAndRefusesAStaleVersion(TestDatabase db) {
        var quality = new RoleDefinition(QUALITY, EnumSet.of(TICKET_READ_ALL), false, 1);
        var changed = new RoleDefinition(QUALITY, EnumSet.of(TICKET_READ_ALL, REPORT_READ), false, 2);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.roles().insert(quality));

            boolean updated = storage.get(tx -> tx.roles().update(changed, 1));
            boolean stale = storage.get(tx -> tx.roles().update(new RoleDefinition(QUALITY, Set.of(), false, 2), 1));

            assertThat(updated).isTrue();
            assertThat(stale).as("version moved on").isFalse();
            assertThat(find(storage, QUALITY)).contains(changed);
        }
    }

    @StorageTest
    void usersAreReadWithThePermissionsTheirRolesGrantAtThatMoment(TestDatabase db) {
        var inspector = aUser().withEmployeeId("Q-1").withRoles(QUALITY, Role.of("gone")).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.roles().insert(new RoleDefinition(QUALITY, EnumSet.of(TICKET_READ_ALL), false, 1));
                tx.users().insert(inspector, "hash");
            });
            var before = storage.get(tx -> tx.users().find(inspector.id())).orElseThrow();

            var afterInTheSameTransaction = storage.get(tx -> {
                tx.users().find(inspector.id());
                tx.roles().update(new RoleDefinition(QUALITY, EnumSet.of(TICKET_READ_ALL, REPORT_READ), false, 2),
                        1);
                return tx.users().find(inspector.id()).orElseThrow();
            });
            var credentials = storage.get(tx -> tx.users().credentials("Q-1")).orElseThrow();

            assertThat(before.permissions()).as("a role that does not exist grants nothing")
                    .containsExactly(TICKET_READ_ALL);
            assertThat(afterInTheSameTransaction.permissions()).containsExactlyInAnyOrder(TICKET_READ_ALL,
                    REPORT_READ);
            assertThat(credentials.user().permissions()).containsExactlyInAnyOrder(TICKET_READ_ALL, REPORT_READ);
        }
    }

    @StorageTest
    void anyActiveWithRoleInLooksAtActiveUsersAndWholeRoleNamesOnly(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.users().insert(aUser().withRoles(Role.AGENT, Role.of("ACCOUNTxMANAGER")).build(), "hash");
                tx.users().insert(aUser().withRoles(Role.ADMIN).inactive().build(), "hash");
                tx.users().insert(aUser().withRoles(Role.of("SUPERVISOR_2")).build(), "hash");
            });

            assertThat(anyActive(storage, Set.of(Role.AGENT))).isTrue();
            assertThat(anyActive(storage, Set.of(Role.EXPERT, Role.AGENT))).isTrue();
            assertThat(anyActive(storage, Set.of(Role.ADMIN)))
                    .as("only an inactive user has it").isFalse();
            assertThat(anyActive(storage, Set.of(Role.ACCOUNT_MANAGER)))
                    .as("an underscore matches only itself").isFalse();
            assertThat(anyActive(storage, Set.of(Role.SUPERVISOR)))
                    .as("a name is not a prefix").isFalse();
            assertThat(anyActive(storage, Set.of())).isFalse();
        }
    }

    @StorageTest
    void aTransactionThatLocksTheRolesReadsThemOnlyOnceAnotherThatLockedThemHasCommitted(TestDatabase db)
            throws Exception {
        var database = db.fresh();
        try (var storage = TestStorage.on(database)) {
            var admin = storage.get(tx -> tx.roles().find(Role.ADMIN)).orElseThrow();
            var withoutUserAdmin = EnumSet.copyOf(admin.permissions());
            withoutUserAdmin.remove(USER_ADMIN);

            var results = Race.run(database, storage, tx -> {
                tx.roles().lockAll();
                tx.roles().update(new RoleDefinition(Role.ADMIN, withoutUserAdmin, true, 2), 1);
                return tx.roles().find(Role.ADMIN).orElseThrow().permissions();
            }, tx -> {
                tx.roles().lockAll();
                return tx.roles().find(Role.ADMIN).orElseThrow().permissions();
            });

            assertThat(results).as("the holder's change, and what the racer saw once it had the lock")
                    .containsExactly(withoutUserAdmin, withoutUserAdmin);
        }
    }

    private static java.util.Optional<RoleDefinition> find(TestStorage storage, Role role) {
        return storage.get(tx -> tx.roles().find(role));
    }

    private static boolean anyActive(TestStorage storage, Set<Role> roles) {
        return storage.get(tx -> tx.users().anyActiveWithRoleIn(roles));
    }

    private static Set<Permission> permissions(java.util.List<RoleDefinition> roles, Role role) {
        return roles.stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow().permissions();
    }
}
