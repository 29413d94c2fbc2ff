package dev.rapport.notifier.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.testkit.RemoteNotifierContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EmailNotifierContractTest extends RemoteNotifierContract {
    @RegisterExtension
    static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String PASSWORD = "smtp-contract-pass-19c4";
    private ScriptedSmtpPeer scripted;
    private int port;

    @BeforeEach
    void startPeers() {
        scripted = ScriptedSmtpPeer.start();
        port = MAIL_SERVER.getSmtp().getPort();
        MAIL_SERVER.setUser("notifier@rapport.example", "notifier", PASSWORD);
    }

    @AfterEach
    void stopScripted() {
        scripted.close();
    }

    @Override
    protected NotifierFactory factory() {
        return new EmailNotifierFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of("host", "127.0.0.1", "port", Integer.toString(port), "from", "Rapport <rapport@rapport.example>",
                "read-timeout", "1s", "connect-timeout", "1s");
    }

    @Override
    protected Map<String, String> changedValues() {
        return Map.of("username", "notifier", "password", PASSWORD, "to", "team@rapport.example", "to-locale", "en",
                "zone", "Europe/Berlin");
    }

    @Override
    protected Set<String> requiredKeys() {
        return Set.of("host", "from");
    }

    @Override
    protected Map<String, String> withSecrets() {
        return Map.of("username", "notifier", "password", PASSWORD);
    }

    @Override
    protected boolean isPeerThread(Thread thread) {
        return thread.getName().startsWith(ScriptedSmtpPeer.THREAD_PREFIX) || thread.getName().startsWith("smtp");
    }

    @Override
    protected void peerFailsTemporarily() {
        scripted.rcptTo("451 4.3.0 Mailbox temporarily unavailable, try again later");
        port = scripted.port();
    }

    @Override
    protected void peerRefuses() {
        scripted.rcptTo("550 5.1.1 No such user here");
        port = scripted.port();
    }

    @Override
    protected void peerHangs() {
        scripted.silent();
        port = scripted.port();
    }

    @Override
    protected void peerIsUnreachable() {
        scripted.close();
        port = scripted.port();
    }

    @Override
    protected Duration ownTimeout() {
        return Duration.ofSeconds(1);
    }

    /** Configuration names the plugin by this id ({@code rapport.notifiers.<name>.type=email}): it never changes. */
    @Test
    void isConfiguredAsEmail() {
        assertThat(factory().id()).isEqualTo("email");
    }
}
