package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.AttachmentId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;

/** A file was attached to a ticket; {@code filename} is its display name, {@code sha256} the checksum of its bytes. */
public record AttachmentAdded(TicketId ticketId, AttachmentId attachmentId, String filename, String contentType,
                              long size, String sha256, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
