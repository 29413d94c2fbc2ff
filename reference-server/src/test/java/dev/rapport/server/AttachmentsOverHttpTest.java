package dev.rapport.server;

import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's ticket attachments over real HTTP: streamed up, streamed down, refused whole. */
class AttachmentsOverHttpTest {
    private static final long LIMIT = 64 * 1024;

    @TempDir
    Path temp;

    private TestServer start(TestDatabase db) {
        return new TestServer(db, b -> b.config("rapport.blobs.directory", blobs().toString())
                .attachmentLimits(LIMIT, RapportBuilder.DEFAULT_ATTACHMENT_TYPES));
    }

    @StorageTest
    void aFileRoundTripsWithItsChecksumAndComesBackAsADownload(TestDatabase db) throws Exception {
        try (var server = start(db)) {
            String agent = server.login("agent");
            String attachments = openTicket(server, agent) + "/attachments";
            byte[] bytes = new byte[40_000];
            new Random(11).nextBytes(bytes);
            pdf(bytes);

            var created = server.exchange(upload(server, attachments, agent, "application/pdf",
                    "%E6%8A%A5%E4%BB%B7%E5%8D%95%20Q4.pdf", HttpRequest.BodyPublishers.ofByteArray(bytes)));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("/filename")).isEqualTo("报价单 Q4.pdf");
            assertThat(created.body().get("size").asLong()).isEqualTo(bytes.length);
            assertThat(created.text("/sha256")).isEqualTo(sha256(bytes));
            assertThat(created.text("/contentType")).isEqualTo("application/pdf");
            assertThat(created.text("/uploadedAt")).isEqualTo("2026-11-23T01:00:00Z");
            String id = created.text("/id");
            assertThat(created.raw().headers().firstValue("Location")).contains(attachments + "/" + id);
            assertThat(server.get(attachments, agent).body().at("/items").findValuesAsText("id")).containsExactly(id);

            var download = download(server, attachments + "/" + id, agent);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(bytes);
            assertThat(sha256(download.body())).isEqualTo(created.text("/sha256"));
            assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
            assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(download.headers().firstValue("Content-Disposition")).contains(
                    "attachment; filename=\"___ Q4.pdf\"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95%20Q4.pdf");
        }
    }

    @StorageTest
    void tooLargeIs413WhetherDeclaredOrChunkedAndNothingIsStored(TestDatabase db) throws IOException {
        try (var server = start(db)) {
            String agent = server.login("agent");
            String attachments = openTicket(server, agent) + "/attachments";
            byte[] tooLarge = pdf(new byte[(int) LIMIT + 10_000]);

            var declared = server.exchange(upload(server, attachments, agent, "application/pdf", "big.pdf",
                    HttpRequest.BodyPublishers.ofByteArray(tooLarge)));
            var chunked = server.exchange(upload(server, attachments, agent, "application/pdf", "big.pdf",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))));
            var exact = server.exchange(upload(server, attachments, agent, "application/pdf", "exact.pdf",
                    HttpRequest.BodyPublishers.ofInputStream(() ->
                            new ByteArrayInputStream(pdf(new byte[(int) LIMIT])))));

            assertThat(declared.status()).isEqualTo(413);
            assertThat(declared.text("/code")).isEqualTo("attachment.too-large");
            assertThat(declared.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(chunked.status()).isEqualTo(413);
            assertThat(exact.status()).isEqualTo(201);
            assertThat(server.get(attachments, agent).body().at("/items").findValuesAsText("filename"))
                    .containsExactly("exact.pdf");
            assertThat(blobFiles()).hasSize(1);
        }
    }

    @StorageTest
    void aDisallowedTypeIs415AndAnEmptyFilename422AndNothingIsStored(TestDatabase db) throws IOException {
        try (var server = start(db)) {
            String agent = server.login("agent");
            String attachments = openTicket(server, agent) + "/attachments";
            var text = HttpRequest.BodyPublishers.ofString("<script>alert(1)</script>");

            var html = server.exchange(upload(server, attachments, agent, "text/html", "page.html", text));
            var noName = server.exchange(upload(server, attachments, agent, "text/plain", null, text));
            var onlyDirectories = server.exchange(upload(server, attachments, agent, "text/plain", "../..%2F", text));

            assertThat(html.status()).isEqualTo(415);
            assertThat(html.text("/code")).isEqualTo("attachment.type.unsupported");
            assertThat(noName.status()).isEqualTo(422);
            assertThat(noName.body().at("/errors").findValuesAsText("field")).containsExactly("filename");
            assertThat(onlyDirectories.status()).isEqualTo(422);
            assertThat(server.get(attachments, agent).body().at("/items").size()).isZero();
            assertThat(blobFiles()).isEmpty();
        }
    }

    @StorageTest
    void pathTraversalNamesAreKeptAsSafeDisplayNamesAndNoFileLandsOutsideTheBlobDirectory(TestDatabase db)
            throws IOException {
        try (var server = start(db)) {
            String agent = server.login("agent");
            String attachments = openTicket(server, agent) + "/attachments";

            var names = Stream.of("../../etc/passwd", "..\\..\\win.ini", "%2e%2e%2fx", "a\"; filename=\"evil.html")
                    .map(name -> server.exchange(upload(server, attachments, agent, "text/plain", name,
                            HttpRequest.BodyPublishers.ofString("x"))))
                    .map(response -> response.text("/filename")).toList();

            assertThat(names).containsExactly("passwd", "win.ini", "x", "a\"; filename=\"evil.html");
            assertThat(blobFiles()).hasSize(4).allSatisfy(file -> {
                assertThat(file.getFileName().toString()).matches("[0-9a-f]{32}");
                assertThat(file.toRealPath()).startsWith(blobs().toRealPath());
            });
            try (Stream<Path> beside = Files.list(temp)) {
                assertThat(beside).containsExactly(blobs());
            }
            String evil = server.get(attachments, agent).body().at("/items").valueStream()
                    .filter(item -> item.get("filename").asText().endsWith("evil.html"))
                    .findFirst().orElseThrow().get("id").asText();
            assertThat(download(server, attachments + "/" + evil, agent).headers().firstValue("Content-Disposition"))
                    .contains("attachment; filename=\"a_; filename=_evil.html\"; "
                            + "filename*=UTF-8''a%22%3B%20filename%3D%22evil.html");
        }
    }

    @StorageTest
    void onlyThoseWhoMayWorkTheTicketUploadAndOnlyThoseWhoMaySeeItDownload(TestDatabase db) throws IOException {
        try (var server = start(db)) {
            String agent = server.login("agent");
            String expert = server.login("expert");
            String admin = server.login("admin");
            String attachments = openTicket(server, agent) + "/attachments";
            String id = server.exchange(upload(server, attachments, agent, "text/plain", "log.txt",
                    HttpRequest.BodyPublishers.ofString("sync stopped"))).text("/id");

            var byExpert = server.exchange(upload(server, attachments, expert, "text/plain", "x.txt",
                    HttpRequest.BodyPublishers.ofString("x")));
            var byAdmin = server.exchange(upload(server, attachments, admin, "text/plain", "x.txt",
                    HttpRequest.BodyPublishers.ofString("x")));
            var anonymous = server.exchange(upload(server, attachments, null, "text/plain", "x.txt",
                    HttpRequest.BodyPublishers.ofString("x")));

            assertThat(byExpert.status()).as("a ticket the expert may not see").isEqualTo(404);
            assertThat(byAdmin.status()).isEqualTo(403);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(server.get(attachments, expert).status()).isEqualTo(404);
            assertThat(download(server, attachments + "/" + id, expert).statusCode()).isEqualTo(404);
            assertThat(server.get(attachments, admin).body().at("/items").findValuesAsText("id")).containsExactly(id);
            assertThat(download(server, attachments + "/" + id, admin).statusCode()).isEqualTo(200);
            assertThat(blobFiles()).hasSize(1);
        }
    }

    @StorageTest
    void unknownTicketsAndAttachmentsAre404(TestDatabase db) throws IOException {
        try (var server = start(db)) {
            String agent = server.login("agent");
            String attachments = openTicket(server, agent) + "/attachments";

            var toNoTicket = server.exchange(upload(server, "/api/v1/tickets/no-such-ticket/attachments", agent,
                    "text/plain", "x.txt", HttpRequest.BodyPublishers.ofString("x")));

            assertThat(toNoTicket.status()).isEqualTo(404);
            assertThat(server.get("/api/v1/tickets/no-such-ticket/attachments", agent).status()).isEqualTo(404);
            var noAttachment = download(server, attachments + "/no-such-attachment", agent);
            assertThat(noAttachment.statusCode()).isEqualTo(404);
            assertThat(new String(noAttachment.body(), StandardCharsets.UTF_8)).contains("attachment.not-found");
            assertThat(blobFiles()).isEmpty();
        }
    }

    /** The bytes, starting as a PDF does: the server checks the first bytes against the declared type. */
    static byte[] pdf(byte[] bytes) {
        byte[] signature = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    static HttpRequest upload(TestServer server, String path, String token, String contentType, String filename,
                              HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(server.uri(path)).POST(body).header("Content-Type", contentType);
        if (filename != null) {
            request.header("X-Filename", filename);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** A new CONSULTATION ticket, routed to customer-service: the demo agent's own department. */
    static String openTicket(TestServer server, String token) {
        String customerId = server.get("/api/v1/customers?q=Northwind", token).text("/items/0/id");
        var ticket = server.post("/api/v1/tickets", token, Map.of("customerId", customerId, "type", "CONSULTATION",
                "description", "Sends the signed quote as a PDF.", "urgent", false, "important", true));
        assertThat(ticket.status()).isEqualTo(201);
        return "/api/v1/tickets/" + ticket.text("/id");
    }

    static HttpResponse<byte[]> download(TestServer server, String path, String token) {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path blobs() {
        return temp.resolve("blobs");
    }

    private List<Path> blobFiles() throws IOException {
        if (!Files.exists(blobs())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(blobs())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
