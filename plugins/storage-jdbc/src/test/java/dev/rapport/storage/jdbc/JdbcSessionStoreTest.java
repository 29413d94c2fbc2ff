package dev.rapport.storage.jdbc;

import dev.rapport.api.security.User;
import dev.rapport.api.spi.storage.StoredSession;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Instant;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcSessionStoreTest {
    @StorageTest
    void sessionRoundTripsByTokenHash(TestDatabase db) {
        var user = aUser().build();
        var session = sessionOf(user, "hash-1", minutesAfterT0(60));
        try (var storage = withUser(db, user)) {
            storage.run(tx -> tx.sessions().insert(session));

            var found = storage.get(tx -> tx.sessions().find("hash-1"));
            var unknown = storage.get(tx -> tx.sessions().find("hash-2"));

            assertThat(found).contains(session);
            assertThat(unknown).isEmpty();
        }
    }

    @StorageTest
    void revokingKeepsTheFirstRevocationTime(TestDatabase db) {
        var user = aUser().build();
        try (var storage = withUser(db, user)) {
            storage.run(tx -> tx.sessions().insert(sessionOf(user, "hash-1", minutesAfterT0(60))));

            storage.run(tx -> tx.sessions().revoke("hash-1", minutesAfterT0(10)));
            storage.run(tx -> tx.sessions().revoke("hash-1", minutesAfterT0(20)));

            var found = storage.get(tx -> tx.sessions().find("hash-1")).orElseThrow();
            assertThat(found.revokedAt()).contains(minutesAfterT0(10));
        }
    }

    @StorageTest
    void deleteExpiredRemovesOnlySessionsThatExpiredBeforeNow(TestDatabase db) {
        var user = aUser().build();
        var now = minutesAfterT0(30);
        try (var storage = withUser(db, user)) {
            storage.run(tx -> {
                tx.sessions().insert(sessionOf(user, "expired", minutesAfterT0(29)));
                tx.sessions().insert(sessionOf(user, "expiring-now", now));
                tx.sessions().insert(sessionOf(user, "valid", minutesAfterT0(31)));
            });

            int deleted = storage.get(tx -> tx.sessions().deleteExpired(now));

            var expired = storage.get(tx -> tx.sessions().find("expired"));
            var expiringNow = storage.get(tx -> tx.sessions().find("expiring-now"));
            var valid = storage.get(tx -> tx.sessions().find("valid"));
            assertThat(deleted).isEqualTo(1);
            assertThat(expired).isEmpty();
            assertThat(expiringNow).isPresent();
            assertThat(valid).isPresent();
        }
    }

    @StorageTest
    void revokingAllOfAUserKeepsOneWhenAskedAndLeavesOtherUsersAlone(TestDatabase db) {
        var user = aUser().build();
        var other = aUser().build();
        try (var storage = withUser(db, user)) {
            storage.run(tx -> {
                tx.users().insert(other, "hash");
                tx.sessions().insert(sessionOf(user, "first", minutesAfterT0(60)));
                tx.sessions().insert(sessionOf(user, "second", minutesAfterT0(60)));
                tx.sessions().insert(sessionOf(user, "kept", minutesAfterT0(60)));
                tx.sessions().insert(sessionOf(other, "others", minutesAfterT0(60)));
                tx.sessions().revoke("first", minutesAfterT0(5));
            });

            int revoked = storage.get(tx -> tx.sessions().revokeAllOf(user.id(), minutesAfterT0(10), "kept"));
            assertThat(revoked).isEqualTo(1);
            assertThat(storage.get(tx -> tx.sessions().find("first")).orElseThrow().revokedAt())
                    .contains(minutesAfterT0(5));
            assertThat(storage.get(tx -> tx.sessions().find("second")).orElseThrow().revokedAt())
                    .contains(minutesAfterT0(10));
            assertThat(storage.get(tx -> tx.sessions().find("kept")).orElseThrow().revokedAt()).isEmpty();
            assertThat(storage.get(tx -> tx.sessions().find("others")).orElseThrow().revokedAt()).isEmpty();

            int revokedLater = storage.get(tx -> tx.sessions().revokeAllOf(user.id(), minutesAfterT0(20), null));
            assertThat(revokedLater).isEqualTo(1);
            assertThat(storage.get(tx -> tx.sessions().find("kept")).orElseThrow().revokedAt())
                    .contains(minutesAfterT0(20));
        }
    }

    private static TestStorage withUser(TestDatabase db, User user) {
        var storage = TestStorage.on(db);
        storage.run(tx -> tx.users().insert(user, "hash"));
        return storage;
    }

    private static StoredSession sessionOf(User user, String tokenHash, Instant expiresAt) {
        return new StoredSession(tokenHash, user.id(), T0, expiresAt, Optional.empty());
    }
}
