package dev.rapport.server;

import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.sql.DriverManager;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL, with no blob setting at all: attachments live in the database, so a file uploaded
 * through one node downloads through the other and is deleted for both.
 */
class SharedAttachmentsOverHttpTest {
    private static final UnaryOperator<RapportBuilder> LIMITS =
            b -> b.attachmentLimits(1024 * 1024, RapportBuilder.DEFAULT_ATTACHMENT_TYPES);

    @Test
    void anAttachmentUploadedThroughOneNodeDownloadsThroughTheOther() throws Exception {
        try (var first = new TestServer(TestDatabase.POSTGRES, LIMITS);
             var second = TestServer.nextTo(first, LIMITS)) {
            String agent = first.login("agent");
            String attachments = AttachmentsOverHttpTest.openTicket(first, agent) + "/attachments";
            byte[] bytes = AttachmentsOverHttpTest.pdf(new byte[700_000]);
            new Random(5).nextBytes(bytes);
            AttachmentsOverHttpTest.pdf(bytes);

            var created = first.exchange(AttachmentsOverHttpTest.upload(first, attachments, agent, "application/pdf",
                    "quote.pdf", HttpRequest.BodyPublishers.ofByteArray(bytes)));
            assertThat(created.status()).isEqualTo(201);

            var download = AttachmentsOverHttpTest.download(second, attachments + "/" + created.text("/id"),
                    second.login("agent"));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(bytes);
            assertThat(blobRows(first)).as("complete blobs in the shared database").isEqualTo(1);
        }
    }

    private static long blobRows(TestServer server) throws Exception {
        var db = server.database;
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM blobs WHERE complete")) {
            result.next();
            return result.getLong(1);
        }
    }
}
