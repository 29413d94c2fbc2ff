package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md, "Operations": liveness says the process answers; readiness says the node should get traffic, and turns
 * 503 as soon as its shutdown begins or its database stops answering, naming the failed check and nothing else.
 */
class HealthOverHttpTest {
    @StorageTest
    void aRunningNodeIsLiveAndReady(TestDatabase db) {
        try (var server = new TestServer(db)) {
            var live = server.get("/health/live", null);
            var ready = server.get("/health/ready", null);

            assertThat(live.status()).isEqualTo(200);
            assertThat(live.text("/status")).isEqualTo("UP");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.text("/status")).isEqualTo("UP");
            assertThat(ready.text("/checks/database")).isEqualTo("UP");
            assertThat(ready.text("/checks/shutdown")).isEqualTo("UP");
            assertThat(server.get("/health", null).text("/status")).as("GET /health as before").isEqualTo("UP");
        }
    }

    @StorageTest
    void readinessTurnsDownWhenShutdownBeginsWhileTheProcessStaysLive(TestDatabase db) {
        try (var server = new TestServer(db)) {
            server.readiness.shutdownBegun();

            var ready = server.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.text("/status")).isEqualTo("DOWN");
            assertThat(ready.text("/checks/shutdown")).isEqualTo("DOWN");
            assertThat(ready.text("/checks/database")).isEqualTo("UP");
            assertThat(server.get("/health/live", null).status()).isEqualTo(200);
        }
    }

    @StorageTest
    void readinessTurnsDownWhenTheDatabaseIsGoneAndSaysNoMoreThanThat(TestDatabase db) {
        try (var server = new TestServer(db)) {
            server.rapport.close();

            var ready = server.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.text("/checks/database")).isEqualTo("DOWN");
            assertThat(ready.text("/checks/shutdown")).isEqualTo("UP");
            assertThat(ready.raw().body()).doesNotContainIgnoringCase("jdbc").doesNotContain(server.database.url());
            assertThat(server.get("/health/live", null).status()).isEqualTo(200);
        }
    }
}
