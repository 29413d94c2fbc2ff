package dev.rapport.api.spi.storage;

import dev.rapport.api.ticket.Attachment;
import dev.rapport.api.ticket.AttachmentId;
import dev.rapport.api.ticket.TicketId;

import java.util.List;
import java.util.Optional;

/** The metadata of tickets' attachments; their bytes are in the blob store. */
public interface AttachmentStore {
    /** Stores the metadata of a new attachment of an existing ticket. */
    void insert(StoredAttachment attachment);

    /** The ticket's attachments, oldest first (by upload time, then id). */
    List<Attachment> ofTicket(TicketId ticket);

    /** The attachment with this id, when it belongs to {@code ticket}. */
    Optional<StoredAttachment> find(TicketId ticket, AttachmentId id);
}
