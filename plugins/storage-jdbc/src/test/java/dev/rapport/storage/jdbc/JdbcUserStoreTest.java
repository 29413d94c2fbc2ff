package dev.rapport.storage.jdbc;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.spi.storage.Credentials;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.storage.jdbc.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUserStoreTest {
    private static final String HASH = "$argon2id$v=19$m=15360,t=2,p=1$c2FsdA$aGFzaA";

    @StorageTest
    void userAndCredentialsRoundTrip(TestDatabase db) {
        var supervisor = aUser().withEmployeeId("E-1001").withRoles(Role.SUPERVISOR, Role.EXPERT)
                .withTier(Tier.EXPERT).build();
        var unbound = aUser().withoutDepartment().withRoles().inactive().build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.users().insert(supervisor, HASH);
                tx.users().insert(unbound, "other-hash");
            });

            var found = storage.get(tx -> tx.users().find(supervisor.id()));
            var foundUnbound = storage.get(tx -> tx.users().find(unbound.id()));
            var credentials = storage.get(tx -> tx.users().credentials("E-1001"));
            var unknown = storage.get(tx -> tx.users().credentials("E-9999"));

            assertThat(found).contains(asRead(storage, supervisor));
            assertThat(foundUnbound).contains(asRead(storage, unbound));
            assertThat(credentials).contains(new Credentials(asRead(storage, supervisor), HASH));
            assertThat(unknown).isEmpty();
        }
    }

    @StorageTest
    void anUpdateReplacesTheProfileKeepsThePasswordAndRefusesAStaleVersion(TestDatabase db) {
        var agent = aUser().withEmployeeId("E-2001").withRoles(Role.AGENT).build();
        var promoted = new User(agent.id(), agent.employeeId(), "Li Na (lead)", agent.departmentId(),
                Set.of(Role.AGENT, Role.SUPERVISOR), Tier.EXPERT, true, agent.createdAt(),
                agent.version() + 1, Optional.of("li.na@rapport.example"), Locale.ENGLISH);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.users().insert(agent, HASH));

            boolean updated = storage.get(tx -> tx.users().update(promoted, agent.version()));
            boolean stale = storage.get(tx -> tx.users().update(promoted, agent.version()));
            Optional<User> found = storage.get(tx -> tx.users().find(agent.id()));
            Optional<Credentials> credentials = storage.get(tx -> tx.users().credentials("E-2001"));

            assertThat(updated).isTrue();
            assertThat(stale).as("version moved on").isFalse();
            assertThat(found).contains(asRead(storage, promoted));
            assertThat(credentials).contains(new Credentials(asRead(storage, promoted), HASH));
        }
    }

    @StorageTest
    void aPasswordChangeReplacesTheHashAndWhetherItMustBeChangedAndNothingElse(TestDatabase db) {
        var agent = aUser().withEmployeeId("E-3001").withRoles(Role.AGENT).build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.users().insert(agent, HASH));

            boolean reset = storage.get(tx -> tx.users().changePassword(agent.id(), "one-time-hash", true));
            var afterReset = storage.get(tx -> tx.users().credentials(agent.id()));
            var byEmployeeId = storage.get(tx -> tx.users().credentials("E-3001"));
            storage.run(tx -> tx.users().changePassword(agent.id(), "own-hash", false));
            var afterChange = storage.get(tx -> tx.users().credentials(agent.id()));
            boolean unknown = storage.get(tx -> tx.users().changePassword(aUser().build().id(), "x", false));

            assertThat(reset).isTrue();
            assertThat(afterReset).contains(new Credentials(asRead(storage, agent), "one-time-hash", true));
            assertThat(byEmployeeId).isEqualTo(afterReset);
            assertThat(afterChange).contains(new Credentials(asRead(storage, agent), "own-hash", false));
            assertThat(unknown).isFalse();
            Optional<User> profile = storage.get(tx -> tx.users().find(agent.id()));
            assertThat(profile).as("version and profile unchanged").contains(asRead(storage, agent));
        }
    }

    @StorageTest
    void eMailAndLanguageRoundTripAndDefaultToNoneAndChinese(TestDatabase db) {
        var english = aUser().withEmail("li.na@rapport.example").withLocale(Locale.ENGLISH).build();
        var plain = aUser().build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.users().insert(english, HASH);
                tx.users().insert(plain, HASH);
            });

            var foundEnglish = storage.get(tx -> tx.users().find(english.id())).orElseThrow();
            var foundPlain = storage.get(tx -> tx.users().find(plain.id())).orElseThrow();

            assertThat(foundEnglish.email()).contains("li.na@rapport.example");
            assertThat(foundEnglish.locale()).isEqualTo(Locale.ENGLISH);
            assertThat(foundPlain.email()).isEmpty();
            assertThat(foundPlain.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
        }
    }

    @StorageTest
    void aTakenEmployeeIdIsAConflictAndTheFirstUserStays(TestDatabase db) {
        var first = aUser().withEmployeeId("E-2001").build();
        var second = aUser().withEmployeeId("E-2001").build();
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> tx.users().insert(first, HASH));

            assertThatThrownBy(() -> storage.run(tx -> tx.users().insert(second, HASH)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.code()).isEqualTo("user.duplicate");
                        assertThat(e).hasMessageContaining("employee id E-2001");
                    });
            var credentials = storage.get(tx -> tx.users().credentials("E-2001"));
            assertThat(credentials.map(Credentials::user)).contains(asRead(storage, first));
        }
    }

    @StorageTest
    void listPagesByEmployeeId(TestDatabase db) {
        var users = List.of(aUser().withEmployeeId("E-03").build(), aUser().withEmployeeId("E-01").build(),
                aUser().withEmployeeId("E-04").build(), aUser().withEmployeeId("E-02").build());
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> users.forEach(u -> tx.users().insert(u, HASH)));

            var firstPage = storage.get(tx -> tx.users().list(Optional.empty(), 3));
            var nextPage = storage.get(tx -> tx.users().list(Optional.of("E-03"), 3));

            assertThat(firstPage).extracting(User::employeeId).containsExactly("E-01", "E-02", "E-03");
            assertThat(nextPage).extracting(User::employeeId).containsExactly("E-04");
        }
    }

    @StorageTest
    void anyTellsWhetherAUserExists(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            boolean before = storage.get(tx -> tx.users().any());
            storage.run(tx -> tx.users().insert(aUser().build(), HASH));
            boolean after = storage.get(tx -> tx.users().any());

            assertThat(before).isFalse();
            assertThat(after).isTrue();
        }
    }

    /** {@code user} as the store reads it back: with the permissions its roles grant as stored. */
    private static User asRead(TestStorage storage, User user) {
        var granted = EnumSet.noneOf(Permission.class);
        storage.get(tx -> tx.roles().list()).stream().filter(role -> user.roles().contains(role.role()))
                .forEach(role -> granted.addAll(role.permissions()));
        return user.withPermissions(granted);
    }
}
