package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test of the console starts from: a fresh server in demo mode on H2 (the browser tests check the
 * console; the storage tests check both databases) and the shared browser pointed at it, logged out.
 */
abstract class DemoConsole {
    protected TestServer server;
    protected ConsoleBrowser browser;

    @BeforeEach
    final void openTheDemoConsole() {
        server = TestServer.demo(TestDatabase.H2);
        browser = ConsoleBrowser.on(server);
    }

    @AfterEach
    final void closeTheDemoConsole() {
        server.close();
    }
}
