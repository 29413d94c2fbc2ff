package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.LoginFailureStore.AddressFailures;
import dev.rapport.api.spi.storage.LoginFailureStore.LoginFailures;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Instant;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcLoginFailureStoreTest {
    @StorageTest
    void failuresAreCountedPerPairAndPerAddress(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            var fresh = claim(storage, "admin", "192.0.2.1");
            storage.run(tx -> {
                tx.loginFailures().recordFailure("admin", "192.0.2.1", minutesAfterT0(1));
                tx.loginFailures().recordFailure("admin", "192.0.2.1", minutesAfterT0(2));
                tx.loginFailures().recordFailure("agent", "192.0.2.1", minutesAfterT0(3));
                tx.loginFailures().recordFailure("admin", "192.0.2.2", minutesAfterT0(4));
                // A separator inside an id does not make it meet another pair.
                tx.loginFailures().recordFailure("admin@192.0.2.1", "x", minutesAfterT0(5));
            });

            assertThat(fresh).map(LoginFailures::failures).contains(0);
            assertThat(claim(storage, "admin", "192.0.2.1"))
                    .contains(new LoginFailures(2, minutesAfterT0(2)));
            assertThat(claim(storage, "admin", "192.0.2.2"))
                    .contains(new LoginFailures(1, minutesAfterT0(4)));
            assertThat(fromAddress(storage, "192.0.2.1", minutesAfterT0(0)))
                    .isEqualTo(new AddressFailures(3, minutesAfterT0(2)));
            assertThat(fromAddress(storage, "192.0.2.1", minutesAfterT0(2)))
                    .as("only pairs whose last failure is after the start").isEqualTo(new AddressFailures(1,
                            minutesAfterT0(3)));
            assertThat(fromAddress(storage, "192.0.2.9", minutesAfterT0(0)).failures())
                    .isZero();

            storage.run(tx -> tx.loginFailures().clear("admin", "192.0.2.1"));
            assertThat(claim(storage, "admin", "192.0.2.1"))
                    .map(LoginFailures::failures).contains(0);
            assertThat(claim(storage, "admin", "192.0.2.2")).map(LoginFailures::failures)
                    .contains(1);

            int deleted = deleteOlderThan(storage, minutesAfterT0(4));
            assertThat(deleted).as("agent's pair (and the cleared pair's empty claim)").isEqualTo(2);
            assertThat(claim(storage, "agent", "192.0.2.1"))
                    .map(LoginFailures::failures).contains(0);
        }
    }

    @StorageTest
    void aClaimRolledBackLeavesNothing(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            try {
                storage.run(tx -> {
                    tx.loginFailures().claim("admin", "192.0.2.1");
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(fromAddress(storage, "192.0.2.1", minutesAfterT0(-600_000))
                    .failures()).isZero();
            assertThat(deleteOlderThan(storage, minutesAfterT0(600_000))).isZero();
        }
    }

    @StorageTest
    void concurrentClaimsOfOnePairTakeTurnsAcrossNodes(TestDatabase db) throws Exception {
        var database = db.fresh();
        try (var node = TestStorage.on(database); var otherNode = TestStorage.on(database)) {
            node.run(tx -> tx.loginFailures().recordFailure("admin", "192.0.2.1", minutesAfterT0(1)));

            var results = Race.run(database, node, tx -> {
                var seen = tx.loginFailures().claim("admin", "192.0.2.1");
                tx.loginFailures().recordFailure("admin", "192.0.2.1", minutesAfterT0(2));
                return seen;
            }, otherNode, tx -> tx.loginFailures().claim("admin", "192.0.2.1"));

            assertThat(results.get(0)).map(LoginFailures::failures).contains(1);
            assertThat(results.get(1)).as("the other node waits for the first and sees its failure")
                    .contains(new LoginFailures(2, minutesAfterT0(2)));
        }
    }

    @StorageTest
    void aPairBeingCreatedIsNeverSeenWithoutItsFailure(TestDatabase db) throws Exception {
        var database = db.fresh();
        try (var node = TestStorage.on(database); var otherNode = TestStorage.on(database)) {
            var results = Race.run(database, node, tx -> {
                var seen = tx.loginFailures().claim("admin", "192.0.2.1");
                tx.loginFailures().recordFailure("admin", "192.0.2.1", minutesAfterT0(2));
                return seen;
            }, otherNode, tx -> tx.loginFailures().claim("admin", "192.0.2.1"));

            assertThat(results.get(0)).map(LoginFailures::failures).contains(0);
            Optional<LoginFailures> racer = results.get(1);
            assertThat(racer).as("empty (H2 refuses the duplicate at once) or the first one's failure (PostgreSQL "
                    + "waits)").satisfiesAnyOf(r -> assertThat(r).isEmpty(),
                    r -> assertThat(r).contains(new LoginFailures(1, minutesAfterT0(2))));
        }
    }

    private static Optional<LoginFailures> claim(TestStorage storage, String employeeId, String address) {
        return storage.get(tx -> tx.loginFailures().claim(employeeId, address));
    }

    private static AddressFailures fromAddress(TestStorage storage, String address, Instant since) {
        return storage.get(tx -> tx.loginFailures().fromAddress(address, since));
    }

    private static int deleteOlderThan(TestStorage storage, Instant before) {
        return storage.get(tx -> tx.loginFailures().deleteOlderThan(before));
    }
}
