package dev.rapport.storage.jdbc;

import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.storage.StoredAttachment;
import dev.rapport.api.ticket.Attachment;
import dev.rapport.api.ticket.AttachmentId;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcAttachmentStoreTest {
    private static final String SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @StorageTest
    void attachmentsRoundTripWithTheirBlobKeyAndListOldestFirstPerTicket(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        var other = aTicketOf(customer.id()).build();
        var later = stored(ticket.id(), "报价单 Q4.pdf", minutesAfterT0(5), "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        var earlier = stored(ticket.id(), "photo.jpg", minutesAfterT0(1), "ffeeddccbbaa99887766554433221100");
        var elsewhere = stored(other.id(), "log.txt", minutesAfterT0(2), "00112233445566778899aabbccddeeff");
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
                tx.tickets().insert(other);
                tx.attachments().insert(later);
                tx.attachments().insert(earlier);
                tx.attachments().insert(elsewhere);
            });

            var listed = storage.get(tx -> tx.attachments().ofTicket(ticket.id()));
            var found = storage.get(tx -> tx.attachments().find(ticket.id(), later.attachment().id()));

            assertThat(listed).containsExactly(earlier.attachment(), later.attachment());
            assertThat(found).contains(later);
        }
    }

    @StorageTest
    void anAttachmentIsFoundOnlyThroughItsOwnTicket(TestDatabase db) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).build();
        var other = aTicketOf(customer.id()).build();
        var attachment = stored(ticket.id(), "a.txt", minutesAfterT0(1), "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.customers().insert(customer);
                tx.tickets().insert(ticket);
                tx.tickets().insert(other);
                tx.attachments().insert(attachment);
            });

            Optional<StoredAttachment> viaOtherTicket = storage.get(tx -> tx.attachments().find(other.id(),
                    attachment.attachment().id()));
            Optional<StoredAttachment> unknown = storage.get(tx -> tx.attachments().find(ticket.id(),
                    AttachmentId.of("nope")));
            List<Attachment> ofUnknownTicket = storage.get(tx -> tx.attachments().ofTicket(TicketId.of("no-such-ticket")));

            assertThat(viaOtherTicket).isEmpty();
            assertThat(unknown).isEmpty();
            assertThat(ofUnknownTicket).isEmpty();
        }
    }

    @StorageTest
    void anAttachmentNeedsAnExistingTicket(TestDatabase db) {
        var orphan = stored(TicketId.of("no-such-ticket"), "a.txt", minutesAfterT0(1), "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        try (var storage = TestStorage.on(db)) {
            assertThatThrownBy(() -> storage.run(tx -> tx.attachments().insert(orphan)))
                    .isInstanceOf(RuntimeException.class);
            List<Attachment> stored = storage.get(tx -> tx.attachments().ofTicket(orphan.attachment().ticketId()));
            assertThat(stored).isEmpty();
        }
    }

    private static StoredAttachment stored(TicketId ticket, String filename, Instant at, String blobKey) {
        var attachment = new Attachment(AttachmentId.of(Fixtures.newId()), ticket, filename, "application/pdf",
                3_221_225_472L, SHA256, UserId.of("agent-1"), at);
        return new StoredAttachment(attachment, BlobKey.of(blobKey));
    }
}
