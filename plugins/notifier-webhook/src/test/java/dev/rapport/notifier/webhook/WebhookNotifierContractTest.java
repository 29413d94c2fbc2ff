package dev.rapport.notifier.webhook;

import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.testkit.HttpPeer;
import dev.rapport.testkit.RemoteNotifierContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookNotifierContractTest extends RemoteNotifierContract {
    private static final String SECRET = "whsec-contract-7d2e9a41";
    private HttpPeer peer;

    @BeforeEach
    void startPeer() {
        peer = HttpPeer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Override
    protected NotifierFactory factory() {
        return new WebhookNotifierFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of("url", peer.uri("/hooks/rapport").toString(), "secret", SECRET, "request-timeout", "1s");
    }

    @Override
    protected Set<String> requiredKeys() {
        return Set.of("url", "secret");
    }

    @Override
    protected Map<String, String> withSecrets() {
        return Map.of("secret", SECRET);
    }

    @Override
    protected void peerFailsTemporarily() {
        peer.answer(503);
    }

    @Override
    protected void peerRefuses() {
        peer.answer(422);
    }

    @Override
    protected void peerHangs() {
        peer.hang();
    }

    @Override
    protected void peerIsUnreachable() {
        peer.close();
    }

    @Override
    protected Duration ownTimeout() {
        return Duration.ofSeconds(1);
    }

    /** Configuration names the plugin by this id ({@code rapport.notifiers.<name>.type=webhook}): it never changes. */
    @Test
    void isConfiguredAsWebhook() {
        assertThat(factory().id()).isEqualTo("webhook");
    }
}
