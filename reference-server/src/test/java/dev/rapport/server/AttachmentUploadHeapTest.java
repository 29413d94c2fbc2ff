package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload at the limit streams from the socket to the blob store: a 200 MiB chunked body, generated as it is sent
 * (never allocated whole), leaves the old generation, where the JVM puts every large array (G1's humongous objects)
 * and whatever lives through a few collections, within a few MiB of where it was. A route or service that buffered
 * the body shows +200 MiB or more there.
 *
 * <p>The client is a few lines of HTTP/1.1 over a socket rather than {@code java.net.http.HttpClient}: in the same
 * JVM, that client's own send buffers get promoted by the hundred MiB and would drown what this test is about.
 */
class AttachmentUploadHeapTest {
    private static final long MAX_BYTES = 200L * 1024 * 1024;
    private static final long ALLOWED_GROWTH = 16L * 1024 * 1024;

    @TempDir
    Path blobs;

    @Test
    @Timeout(60)
    void a200MebibyteUploadDoesNotRaiseTheHeapByMoreThanAFewMebibytes() throws Exception {
        try (var server = new TestServer(TestDatabase.H2, b -> b.config("rapport.blobs.directory", blobs.toString())
                .attachmentLimits(MAX_BYTES, RapportBuilder.DEFAULT_ATTACHMENT_TYPES))) {
            String agent = server.login("agent");
            String attachments = AttachmentsOverHttpTest.openTicket(server, agent) + "/attachments";
            var sent = MessageDigest.getInstance("SHA-256");

            var oldGeneration = OldGeneration.watch();
            JsonNode created = postChunked(server.server.port(), attachments, agent,
                    new DigestInputStream(new GeneratedBytes(MAX_BYTES), sent));
            long growth = oldGeneration.stop();

            assertThat(created.get("size").asLong()).isEqualTo(MAX_BYTES);
            assertThat(created.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
            assertThat(growth).as("old generation growth in bytes during the upload").isLessThan(ALLOWED_GROWTH);
        }
    }

    /**
     * The same through the database blob store, the default on PostgreSQL: 64 MiB go to the database in chunks of
     * 256 KiB, each in a short transaction of its own, and the old generation stays where it was.
     */
    @Test
    @Timeout(120)
    void a64MebibyteUploadIntoTheDatabaseDoesNotRaiseTheHeapByMoreThanAFewMebibytes() throws Exception {
        long size = 64L * 1024 * 1024;
        try (var server = new TestServer(TestDatabase.POSTGRES,
                b -> b.attachmentLimits(size, RapportBuilder.DEFAULT_ATTACHMENT_TYPES))) {
            String agent = server.login("agent");
            String attachments = AttachmentsOverHttpTest.openTicket(server, agent) + "/attachments";
            var sent = MessageDigest.getInstance("SHA-256");

            var oldGeneration = OldGeneration.watch();
            JsonNode created = postChunked(server.server.port(), attachments, agent,
                    new DigestInputStream(new GeneratedBytes(size), sent));
            long growth = oldGeneration.stop();

            assertThat(created.get("size").asLong()).isEqualTo(size);
            assertThat(created.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
            assertThat(storedInTheDatabase(server)).as("bytes in the database's blob chunks").isEqualTo(size);
            assertThat(growth).as("old generation growth in bytes during the upload").isLessThan(ALLOWED_GROWTH);
        }
    }

    private static long storedInTheDatabase(TestServer server) throws SQLException {
        var db = server.database;
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             var result = connection.createStatement().executeQuery(
                     "SELECT COALESCE(SUM(OCTET_LENGTH(content)), 0) FROM blob_chunks")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** POSTs {@code body} with chunked transfer coding and answers the 201's JSON; anything else fails the test. */
    private static JsonNode postChunked(int port, String path, String token, InputStream body) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/zip\r\nX-Filename: backup.zip\r\nTransfer-Encoding: chunked"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[32 * 1024];
            for (int n; (n = body.read(chunk)) > 0; ) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            var head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int c = in.read();
                assertThat(c).as("a complete response head").isNotNegative();
                head.append((char) c);
            }
            assertThat(head).startsWith("HTTP/1.1 201");
            String length = head.toString().toLowerCase(Locale.ROOT).lines()
                    .filter(line -> line.startsWith("content-length:")).findFirst().orElseThrow()
                    .substring("content-length:".length()).strip();
            return new ObjectMapper().readTree(in.readNBytes(Integer.parseInt(length)));
        }
    }

    /** The peak use of the heap's old-generation pools while watched, sampled and as the JVM recorded it. */
    private static final class OldGeneration {
        private final List<MemoryPoolMXBean> pools;
        private final long before;
        private final AtomicLong highest = new AtomicLong();
        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final Thread sampler;

        private OldGeneration(List<MemoryPoolMXBean> pools) {
            this.pools = pools;
            this.before = used();
            this.highest.set(before);
            this.sampler = Thread.ofPlatform().daemon().name("old-generation-sampler").start(() -> {
                while (watching.get()) {
                    highest.accumulateAndGet(used(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static OldGeneration watch() {
            var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                    .toList();
            assertThat(pools).as("the heap's old-generation pool").isNotEmpty();
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            return new OldGeneration(pools);
        }

        /** How far above its use at the start the old generation peaked. */
        long stop() throws InterruptedException {
            watching.set(false);
            sampler.join();
            long peak = Math.max(highest.get(), pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            return peak - before;
        }

        private long used() {
            return pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        }
    }

    /** {@code size} pseudo-random bytes, made as they are read. */
    private static final class GeneratedBytes extends InputStream {
        private final long size;
        private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

        private long produced;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedBytes(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - produced);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                // A ZIP's signature first: the server checks the first bytes against the declared type.
                b[off + i] = produced + i < ZIP_SIGNATURE.length ? ZIP_SIGNATURE[(int) (produced + i)] : (byte) state;
            }
            produced += n;
            return n;
        }
    }
}
