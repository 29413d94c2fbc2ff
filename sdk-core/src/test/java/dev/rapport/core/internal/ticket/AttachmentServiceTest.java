package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.PayloadTooLargeException;
import dev.rapport.api.error.UnsupportedMediaTypeException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.AttachmentAdded;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.storage.AttachmentStore;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.Attachment;
import dev.rapport.api.ticket.AttachmentContent;
import dev.rapport.api.ticket.AttachmentId;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.NewAttachment;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final long LIMIT = 64 * 1024;
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    @TempDir
    Path temp;
    private Path blobs;
    private Rapport rapport;

    private void start(TestDatabase db) {
        start(db, Function.identity());
    }

    private void start(TestDatabase db, Function<RapportBuilder, RapportBuilder> adjust) {
        blobs = temp.resolve("blobs");
        rapport = rapports.start(adjust.apply(rapports.builder(db)
                .config("rapport.blobs.directory", blobs.toString())
                .attachmentLimits(LIMIT, Set.of("application/pdf", "text/plain", "image/png"))));
    }

    @StorageTest
    void aFileRoundTripsWithItsChecksumAndIsAuditedAndAnnounced(TestDatabase db) throws Exception {
        var heard = new HeardEvents();
        start(db, b -> b.listener(heard));
        var ticket = openTicket();
        byte[] bytes = "%PDF-1.7 the quote for Q4".getBytes(StandardCharsets.UTF_8);

        var added = rapport.attachments().add(Actor.system(), ticket.id(), new NewAttachment("quote.pdf",
                "Application/PDF; name=quote.pdf", OptionalLong.of(bytes.length), new ByteArrayInputStream(bytes)));

        assertThat(added.ticketId()).isEqualTo(ticket.id());
        assertThat(added.filename()).isEqualTo("quote.pdf");
        assertThat(added.contentType()).isEqualTo("application/pdf");
        assertThat(added.size()).isEqualTo(bytes.length);
        assertThat(added.sha256()).isEqualTo(sha256(bytes));
        assertThat(added.uploadedAt()).isEqualTo(T0);
        assertThat(rapport.attachments().list(Actor.system(), ticket.id())).containsExactly(added);
        try (AttachmentContent content = rapport.attachments().open(Actor.system(), ticket.id(), added.id())) {
            assertThat(content.attachment()).isEqualTo(added);
            assertThat(content.content().readAllBytes()).isEqualTo(bytes);
        }
        assertThat(rapport.tickets().history(Actor.system(), ticket.id()).getLast().action())
                .isEqualTo("ticket.attachment.added");
        var announced = heard.await(AttachmentAdded.class, 1).getFirst();
        assertThat(announced.attachmentId()).isEqualTo(added.id());
        assertThat(announced.sha256()).isEqualTo(added.sha256());
    }

    @StorageTest
    void tooLargeIsRefusedWhetherDeclaredOrNotAndNothingIsStored(TestDatabase db) throws IOException {
        start(db);
        var ticket = openTicket();
        var declared = new CountingStream(pdf(new byte[(int) LIMIT + 1]));
        var undeclared = new CountingStream(pdf(new byte[(int) LIMIT * 10]));

        assertThatThrownBy(() -> rapport.attachments().add(Actor.system(), ticket.id(), new NewAttachment("big.pdf",
                "application/pdf", OptionalLong.of(LIMIT + 1), declared)))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(LIMIT));
        assertThatThrownBy(() -> rapport.attachments().add(Actor.system(), ticket.id(),
                NewAttachment.of("big.pdf", "application/pdf", undeclared)))
                .isInstanceOf(PayloadTooLargeException.class);
        var exact = rapport.attachments().add(Actor.system(), ticket.id(),
                NewAttachment.of("exact.pdf", "application/pdf", new ByteArrayInputStream(pdf(new byte[(int) LIMIT]))));

        assertThat(declared.count).as("a declared length over the limit is refused before reading").isZero();
        assertThat(undeclared.count).as("reading stops one byte past the limit").isEqualTo(LIMIT + 1);
        assertThat(rapport.attachments().list(Actor.system(), ticket.id())).containsExactly(exact);
        assertThat(blobFiles()).hasSize(1);
    }

    @StorageTest
    void aTypeThatIsNotAllowedOrMissingIsRefusedAndNothingIsStored(TestDatabase db) throws IOException {
        start(db);
        var ticket = openTicket();
        for (String type : new String[]{"text/html", "application/x-msdownload", "", "nonsense"}) {
            assertThatThrownBy(() -> rapport.attachments().add(Actor.system(), ticket.id(),
                    NewAttachment.of("page.html", type, new ByteArrayInputStream(new byte[]{1}))))
                    .as(type)
                    .isInstanceOfSatisfying(UnsupportedMediaTypeException.class,
                            e -> assertThat(e.allowed()).contains("application/pdf"));
        }
        assertThatThrownBy(() -> rapport.attachments().add(Actor.system(), ticket.id(),
                NewAttachment.of("page.html", null, new ByteArrayInputStream(new byte[]{1}))))
                .isInstanceOf(UnsupportedMediaTypeException.class);

        assertThat(rapport.attachments().list(Actor.system(), ticket.id())).isEmpty();
        assertThat(blobFiles()).isEmpty();
    }

    @StorageTest
    void aFilenameIsADisplayNameOnlyAndAnEmptyOneIsRefusedByName(TestDatabase db) throws IOException {
        start(db);
        var ticket = openTicket();
        for (String empty : new String[]{"", "  ", "../", ".."}) {
            assertThatThrownBy(() -> rapport.attachments().add(Actor.system(), ticket.id(),
                    NewAttachment.of(empty, "text/plain", new ByteArrayInputStream(new byte[]{1}))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("filename"));
        }
        var passwd = add(ticket, "../../etc/passwd", "root:x:0:0");
        var ini = add(ticket, "..\\..\\win.ini", "[fonts]");

        assertThat(passwd.filename()).isEqualTo("passwd");
        assertThat(ini.filename()).isEqualTo("win.ini");
        assertThat(blobFiles()).hasSize(2).allSatisfy(file -> {
            assertThat(file.getFileName().toString()).matches("[0-9a-f]{32}");
            assertThat(file.toRealPath()).startsWith(blobs.toRealPath());
        });
        assertThat(temp.resolve("etc")).doesNotExist();
    }

    @StorageTest
    void onlyThoseWhoMayWorkTheTicketAddAndOnlyThoseWhoMaySeeItRead(TestDatabase db) throws IOException {
        start(db);
        var ticket = openTicket();
        var attached = add(ticket, "log.txt", "ERROR sync stopped");
        var otherDepartment = actor(rapport, Role.AGENT, "sales");
        var admin = actor(rapport, Role.ADMIN, "customer-service");
        var ownDepartment = actor(rapport, Role.AGENT, ticket.departmentId().value());

        // Another department's ticket is not there for the agent.
        assertThatThrownBy(() -> rapport.attachments().add(otherDepartment, ticket.id(), upload("x.txt")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.attachments().list(otherDepartment, ticket.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.attachments().open(otherDepartment, ticket.id(), attached.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.attachments().add(admin, ticket.id(), upload("x.txt")))
                .as("reading every ticket is not working on it").isInstanceOf(ForbiddenException.class);
        assertThat(rapport.attachments().list(admin, ticket.id())).containsExactly(attached);
        clock.advance(Duration.ofMinutes(1));
        var own = rapport.attachments().add(ownDepartment, ticket.id(), upload("mine.txt"));

        assertThat(own.uploadedBy()).isEqualTo(ownDepartment.userId());
        assertThat(rapport.attachments().list(ownDepartment, ticket.id())).containsExactly(attached, own);
        assertThat(blobFiles()).hasSize(2);
    }

    @StorageTest
    void unknownTicketsAndAttachmentsAreNotFound(TestDatabase db) {
        start(db);
        var ticket = openTicket();
        var other = openTicket();
        var attached = add(ticket, "log.txt", "x");

        assertThatThrownBy(() -> rapport.attachments().add(Actor.system(), TicketId.of("nope"), upload("x.txt")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.attachments().list(Actor.system(), TicketId.of("nope")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.attachments().open(Actor.system(), ticket.id(), AttachmentId.of("nope")))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo("attachment.not-found"));
        assertThatThrownBy(() -> rapport.attachments().open(Actor.system(), other.id(), attached.id()))
                .as("an attachment is reached only through its own ticket").isInstanceOf(NotFoundException.class);
    }

    @StorageTest
    void aClosedTicketTakesNoAttachmentsButShowsItsOwn(TestDatabase db) throws IOException {
        start(db);
        var ticket = openTicket();
        var attached = add(ticket, "before.txt", "x");
        var agent = user(rapport, Role.AGENT, ticket.departmentId().value());
        ticket = rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        ticket = rapport.tickets().addProgress(Actor.system(), ticket.id(),
                AddProgress.note("On it", Visibility.CUSTOMER, ticket.version()));
        ticket = rapport.tickets().resolve(Actor.system(), ticket.id(),
                new ResolveTicket(ticket.version(), "Restarted the sync job", CommunicationMethod.PHONE));
        var closed = rapport.tickets().confirm(Actor.system(), ticket.id(), new ConfirmResolution(ticket.version(),
                Opinion.SATISFIED, Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> rapport.attachments().add(Actor.system(), closed.id(), upload("after.txt")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ticket.closed"));
        assertThat(rapport.attachments().list(Actor.system(), closed.id())).containsExactly(attached);
        assertThat(blobFiles()).hasSize(1);
    }

    @StorageTest
    void fewerOrMoreBytesThanDeclaredAreRefusedAndNothingIsStored(TestDatabase db) throws IOException {
        start(db);
        var ticket = openTicket();

        assertThatThrownBy(() -> rapport.attachments().add(Actor.system(), ticket.id(), new NewAttachment("a.txt",
                "text/plain", OptionalLong.of(10), new ByteArrayInputStream("four".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("content"));

        assertThat(rapport.attachments().list(Actor.system(), ticket.id())).isEmpty();
        assertThat(blobFiles()).isEmpty();
    }

    @StorageTest
    void whenTheRecordCannotBeWrittenTheBlobIsDeletedAgain(TestDatabase db) throws IOException {
        start(db, b -> b.factory(storageFailingAttachmentInserts()));
        var ticket = openTicket();

        assertThatThrownBy(() -> add(ticket, "log.txt", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("disk full");

        assertThat(blobFiles()).isEmpty();
        assertThat(rapport.attachments().list(Actor.system(), ticket.id())).isEmpty();
    }

    @StorageTest
    void noDatabaseConnectionIsHeldWhileTheBytesStream(TestDatabase db) {
        var connections = new ConnectionsPerThread(db.fresh());
        blobs = temp.resolve("blobs");
        rapport = rapports.start(Rapport.builder().clock(clock).dataSource(connections)
                .config("rapport.blobs.directory", blobs.toString()));
        var ticket = openTicket();
        var heldWhileStreaming = new CopyOnWriteArrayList<Integer>();
        InputStream content = new ByteArrayInputStream("a slow client".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                heldWhileStreaming.add(connections.openedByThisThread());
                return super.read(b, off, len);
            }
        };

        var added = rapport.attachments().add(Actor.system(), ticket.id(), NewAttachment.of("a.txt", "text/plain", content));

        assertThat(heldWhileStreaming).isNotEmpty().containsOnly(0);
        assertThat(connections.openedByThisThread()).isZero();
        assertThat(rapport.attachments().list(Actor.system(), ticket.id())).containsExactly(added);
    }

    /** The bytes, starting as a PDF does: the first bytes must be of the declared type. */
    private static byte[] pdf(byte[] bytes) {
        byte[] signature = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private Ticket openTicket() {
        return rapport.tickets().open(Actor.system(), aTicket(customer(rapport).id()).build());
    }

    private Attachment add(Ticket ticket, String filename, String text) {
        return rapport.attachments().add(Actor.system(), ticket.id(), NewAttachment.of(filename, "text/plain",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static NewAttachment upload(String filename) {
        return NewAttachment.of(filename, "text/plain", new ByteArrayInputStream(new byte[]{42}));
    }

    private List<Path> blobFiles() throws IOException {
        if (!Files.exists(blobs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The JDBC storage, except that writing an attachment's record fails as a full disk would. */
    private static StorageFactory storageFailingAttachmentInserts() {
        var jdbc = ServiceLoader.load(StorageFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("jdbc")).findFirst().orElseThrow();
        return new StorageFactory() {
            @Override
            public String id() {
                return jdbc.id();
            }

            @Override
            public Set<String> secretKeys() {
                return jdbc.secretKeys();
            }

            @Override
            public Storage create(PluginContext context) {
                Storage real = jdbc.create(context);
                return proxy(Storage.class, (method, args) -> {
                    if (method.getName().equals("inTransaction")) {
                        @SuppressWarnings("unchecked")
                        var work = (Function<Transaction, Object>) args[0];
                        return real.inTransaction(tx -> work.apply(failingAttachments(tx)));
                    }
                    return method.invoke(real, args);
                });
            }
        };
    }

    private static Transaction failingAttachments(Transaction tx) {
        AttachmentStore failing = proxy(AttachmentStore.class, (method, args) -> {
            if (method.getName().equals("insert")) {
                throw new IllegalStateException("disk full");
            }
            return method.invoke(tx.attachments(), args);
        });
        return proxy(Transaction.class, (method, args) ->
                method.getName().equals("attachments") ? failing : method.invoke(tx, args));
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }

    /** Connections straight from the driver, counted per thread while they are open. */
    private static final class ConnectionsPerThread implements DataSource {
        private final DatabaseCoordinates database;
        private final Map<Thread, AtomicInteger> open = new ConcurrentHashMap<>();

        ConnectionsPerThread(DatabaseCoordinates database) {
            this.database = database;
        }

        int openedByThisThread() {
            return open.getOrDefault(Thread.currentThread(), new AtomicInteger()).get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = DriverManager.getConnection(database.url(), database.user(),
                    database.password() == null ? "" : database.password());
            var count = open.computeIfAbsent(Thread.currentThread(), t -> new AtomicInteger());
            count.incrementAndGet();
            var closed = new AtomicBoolean();
            return proxy(Connection.class, (method, args) -> {
                if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                    count.decrementAndGet();
                }
                return method.invoke(real, args);
            });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }
    }
}
