package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcRateLimitStoreTest {
    @StorageTest
    void hitsCountPerKeyAndWindowAndOldWindowsAreForgotten(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            int first = storage.get(tx -> tx.rateLimits().hit("key-a", T0));
            int second = storage.get(tx -> tx.rateLimits().hit("key-a", T0));
            int otherKey = storage.get(tx -> tx.rateLimits().hit("key-b", T0));
            int nextWindow = storage.get(tx -> tx.rateLimits().hit("key-a", minutesAfterT0(1)));

            int forgotten = storage.get(tx -> tx.rateLimits().forgetBefore(minutesAfterT0(1)));
            int afresh = storage.get(tx -> tx.rateLimits().hit("key-a", T0));
            int kept = storage.get(tx -> tx.rateLimits().hit("key-a", minutesAfterT0(1)));

            assertThat(first).isEqualTo(1);
            assertThat(second).isEqualTo(2);
            assertThat(otherKey).isEqualTo(1);
            assertThat(nextWindow).isEqualTo(1);
            assertThat(forgotten).isEqualTo(2);
            assertThat(afresh).isEqualTo(1);
            assertThat(kept).isEqualTo(2);
        }
    }

    @StorageTest
    void twoNodesHittingOneNewWindowAtOnceBothCount(TestDatabase db) throws Exception {
        var database = db.fresh();
        try (var storage = TestStorage.on(database); var otherNode = TestStorage.on(database)) {
            var results = Race.run(database, storage, tx -> tx.rateLimits().hit("key-a", T0),
                    otherNode, tx -> tx.rateLimits().hit("key-a", T0));

            assertThat(results).as("the holder's count, the racer's").containsExactly(1, 2);
        }
    }
}
