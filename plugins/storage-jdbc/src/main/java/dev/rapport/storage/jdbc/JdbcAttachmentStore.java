package dev.rapport.storage.jdbc;

import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.storage.AttachmentStore;
import dev.rapport.api.spi.storage.StoredAttachment;
import dev.rapport.api.ticket.Attachment;
import dev.rapport.api.ticket.AttachmentId;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/** Attachment metadata in {@code attachments}; the key of the bytes is checked again as it is read back. */
final class JdbcAttachmentStore implements AttachmentStore {
    private static final String COLUMNS = "id, ticket_id, filename, content_type, size_bytes, sha256, blob_key, "
            + "uploaded_by, uploaded_at";

    private final Handle handle;

    JdbcAttachmentStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(StoredAttachment stored) {
        Attachment a = stored.attachment();
        handle.createUpdate("INSERT INTO attachments (" + COLUMNS + ") VALUES (:id, :ticketId, :filename, "
                        + ":contentType, :size, :sha256, :blobKey, :uploadedBy, :uploadedAt)")
                .bind("id", a.id().value())
                .bind("ticketId", a.ticketId().value())
                .bind("filename", a.filename())
                .bind("contentType", a.contentType())
                .bind("size", a.size())
                .bind("sha256", a.sha256())
                .bind("blobKey", stored.blobKey().value())
                .bind("uploadedBy", a.uploadedBy().value())
                .bind("uploadedAt", instant(a.uploadedAt()))
                .execute();
    }

    @Override
    public List<Attachment> ofTicket(TicketId ticket) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM attachments WHERE ticket_id = :ticket "
                        + "ORDER BY uploaded_at, id")
                .bind("ticket", ticket.value())
                .map((rs, ctx) -> stored(rs).attachment())
                .list();
    }

    @Override
    public Optional<StoredAttachment> find(TicketId ticket, AttachmentId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM attachments WHERE id = :id AND ticket_id = :ticket")
                .bind("id", id.value())
                .bind("ticket", ticket.value())
                .map((rs, ctx) -> stored(rs))
                .findOne();
    }

    private static StoredAttachment stored(ResultSet rs) throws SQLException {
        var attachment = new Attachment(AttachmentId.of(rs.getString("id")), TicketId.of(rs.getString("ticket_id")),
                rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), UserId.of(rs.getString("uploaded_by")), instant(rs, "uploaded_at"));
        return new StoredAttachment(attachment, BlobKey.of(rs.getString("blob_key")));
    }
}
