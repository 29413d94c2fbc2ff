package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.PayloadTooLargeException;
import dev.rapport.api.error.UnsupportedMediaTypeException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.AttachmentAdded;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobTooLargeException;
import dev.rapport.api.spi.blob.BlobWrite;
import dev.rapport.api.spi.storage.StoredAttachment;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Attachment;
import dev.rapport.api.ticket.AttachmentContent;
import dev.rapport.api.ticket.AttachmentId;
import dev.rapport.api.ticket.Attachments;
import dev.rapport.api.ticket.NewAttachment;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Tickets' attachments: checked like any work on the ticket, streamed into the blob store outside any database
 * transaction, then recorded (metadata, audit entry, event) in one transaction. A blob whose record cannot be
 * written is deleted again, so nothing is left orphaned.
 */
public final class AttachmentService implements Attachments {
    private final Transactions transactions;
    private final BlobStore blobs;
    private final Clock clock;
    private final IdGenerator ids;
    private final AttachmentLimits limits;

    public AttachmentService(Transactions transactions, BlobStore blobs, Clock clock, IdGenerator ids,
                             AttachmentLimits limits) {
        this.transactions = transactions;
        this.blobs = blobs;
        this.clock = clock;
        this.ids = ids;
        this.limits = limits;
    }

    @Override
    public Attachment add(Actor actor, TicketId ticketId, NewAttachment upload) {
        Objects.requireNonNull(upload, "upload");
        transactions.read(tx -> requireMayAttach(tx, actor, find(tx, ticketId)));
        String filename = AttachmentRules.displayName(upload.filename()).orElseThrow(() -> new ValidationException(
                FieldError.of("filename", "is required: the file's name, without directories")));
        String contentType = AttachmentRules.mediaType(upload.contentType()).filter(limits::allows)
                .orElseThrow(() -> UnsupportedMediaTypeException.attachment(upload.contentType(),
                        limits.allowedContentTypes()));
        if (upload.declaredLength().isPresent() && upload.declaredLength().getAsLong() > limits.maxBytes()) {
            throw PayloadTooLargeException.attachment(limits.maxBytes());
        }
        BlobWrite blob;
        try {
            var content = ContentSniffing.checked(upload.content(), contentType, limits.maxBytes());
            blob = blobs.put(content, limits.maxBytes());
        } catch (BlobTooLargeException e) {
            throw PayloadTooLargeException.attachment(limits.maxBytes());
        }
        try {
            upload.declaredLength().ifPresent(declared -> {
                if (declared != blob.size()) {
                    throw new ValidationException(FieldError.of("content",
                            blob.size() + " bytes arrived, but " + declared + " were declared"));
                }
            });
            return transactions.write(tx -> record(tx, actor, ticketId, filename, contentType, blob));
        } catch (RuntimeException | Error e) {
            try {
                blobs.delete(blob.key());
            } catch (RuntimeException deleteFailure) {
                e.addSuppressed(deleteFailure);
            }
            throw e;
        }
    }

    @Override
    public List<Attachment> list(Actor actor, TicketId ticketId) {
        return transactions.read(tx -> {
            TicketAccess.requireRead(tx, actor, find(tx, ticketId));
            return tx.attachments().ofTicket(ticketId);
        });
    }

    @Override
    public AttachmentContent open(Actor actor, TicketId ticketId, AttachmentId attachmentId) {
        var stored = transactions.read(tx -> {
            TicketAccess.requireRead(tx, actor, find(tx, ticketId));
            return tx.attachments().find(ticketId, attachmentId)
                    .orElseThrow(() -> NotFoundException.of("attachment", attachmentId.value()));
        });
        return new AttachmentContent(stored.attachment(), blobs.open(stored.blobKey()));
    }

    /** Checked again here: the ticket may have closed, or moved out of the actor's reach, while the bytes streamed. */
    private Attachment record(Transaction tx, Actor actor, TicketId ticketId, String filename, String contentType,
                              BlobWrite blob) {
        requireMayAttach(tx, actor, find(tx, ticketId));
        Instant now = clock.instant();
        var attachment = new Attachment(AttachmentId.of(ids.next()), ticketId, filename, contentType, blob.size(),
                blob.sha256(), actor.userId(), now);
        tx.attachments().insert(new StoredAttachment(attachment, blob.key()));
        tx.audit().append(ChangeSet.create()
                .added("attachmentId", attachment.id())
                .added("filename", filename)
                .added("contentType", contentType)
                .added("size", blob.size())
                .added("sha256", blob.sha256())
                .entry("ticket", ticketId.value(), now, actor, "ticket.attachment.added"));
        tx.outbox().append(new AttachmentAdded(ticketId, attachment.id(), filename, contentType, blob.size(),
                blob.sha256(), now, actor.userId()));
        return attachment;
    }

    /** Attaching is work on the ticket: 404, then 403, then 409 for a CLOSED (read-only) ticket. */
    private static Void requireMayAttach(Transaction tx, Actor actor, Ticket ticket) {
        TicketAccess.requireRead(tx, actor, ticket);
        TicketAccess.requireWork(actor, ticket);
        TicketLifecycle.requireWritable(ticket);
        return null;
    }

    private static Ticket find(Transaction tx, TicketId id) {
        return tx.tickets().find(id).orElseThrow(() -> NotFoundException.of("ticket", id.value()));
    }
}
