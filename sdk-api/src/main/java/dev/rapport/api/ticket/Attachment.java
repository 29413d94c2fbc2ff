package dev.rapport.api.ticket;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A file attached to a ticket. Its bytes live in the blob store; read them with {@link Attachments#open}.
 *
 * @param filename    the display name: the uploaded name without any directory part or control characters; never a
 *                    path, and never used as one
 * @param contentType the media type without parameters, lower case, e.g. {@code application/pdf}
 * @param size        the number of bytes
 * @param sha256      the SHA-256 of the bytes, 64 lower-case hex digits
 */
public record Attachment(AttachmentId id, TicketId ticketId, String filename, String contentType, long size,
                         String sha256, UserId uploadedBy, Instant uploadedAt) {
    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }
}
