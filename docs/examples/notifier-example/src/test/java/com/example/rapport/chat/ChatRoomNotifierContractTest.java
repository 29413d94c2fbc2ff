package com.example.rapport.chat;

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

// tag::contract[]
class ChatRoomNotifierContractTest extends RemoteNotifierContract {
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
        return new ChatRoomNotifierFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of("url", peer.uri("/rooms/support").toString(), "token", "room-token-8d1f",
                "request-timeout", "1s");
    }

    @Override
    protected Set<String> requiredKeys() {
        return Set.of("url", "token");
    }

    @Override
    protected Map<String, String> withSecrets() {
        return Map.of("token", "room-token-8d1f");
    }

    @Override
    protected void peerFailsTemporarily() {
        peer.answer(503);
    }

    @Override
    protected void peerRefuses() {
        peer.answer(403);
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

    /** Configuration names the plugin by this id ({@code rapport.notifiers.<name>.type=chat-room}): it never changes. */
    @Test
    void isConfiguredAsChatRoom() {
        assertThat(factory().id()).isEqualTo("chat-room");
    }
}
// end::contract[]
