package dev.rapport.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpPeerTest {
    private final HttpPeer peer = HttpPeer.start();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void close() {
        client.close();
        peer.close();
    }

    @Test
    void answers200UntilToldOtherwiseAndRecordsWhatItReceived() throws Exception {
        var response = post("/hooks/a", "{\"n\":\"李\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        var request = peer.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/hooks/a");
        assertThat(request.header("x-probe")).contains("yes");
        assertThat(request.bodyText()).isEqualTo("{\"n\":\"李\"}");
    }

    @Test
    void answersTheStatusBodyAndHeadersItIsGiven() throws Exception {
        peer.answer(503, "busy", Map.of("Retry-After", "30"));
        var busy = post("/", "x");
        peer.answer(204);
        var empty = post("/", "y");

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.body()).isEqualTo("busy");
        assertThat(busy.headers().firstValue("retry-after")).contains("30");
        assertThat(empty.statusCode()).isEqualTo(204);
        assertThat(peer.requests()).hasSize(2);
    }

    @Test
    void aHangingPeerRecordsTheRequestAndNeverAnswers() {
        peer.hang();

        assertThatThrownBy(() -> client.send(request("/", "z").timeout(Duration.ofMillis(300)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(peer.requests()).hasSize(1);
    }

    @Test
    void aClosedPeerRefusesConnections() {
        var uri = peer.uri();
        peer.close();
        peer.close();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void lastRequestNamesTheProblemWhenNoneCame() {
        assertThat(peer.uri("hooks").toString()).matches("http://127\\.0\\.0\\.1:\\d+/hooks");
        assertThatThrownBy(peer::lastRequest).isInstanceOf(IllegalStateException.class).hasMessageContaining("no request");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(request(path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String body) {
        return HttpRequest.newBuilder(peer.uri(path)).header("X-Probe", "yes").POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
