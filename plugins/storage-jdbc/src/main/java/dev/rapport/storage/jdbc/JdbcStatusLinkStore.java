package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.StatusLink;
import dev.rapport.api.spi.storage.StatusLinkStore;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;

import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/** Status links in {@code status_links}, keyed by token hash. */
final class JdbcStatusLinkStore implements StatusLinkStore {
    private final Handle handle;

    JdbcStatusLinkStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(StatusLink link) {
        handle.createUpdate("INSERT INTO status_links (token_hash, ticket_id, resolved_at, created_at, expires_at) "
                        + "VALUES (:tokenHash, :ticketId, :resolvedAt, :createdAt, :expiresAt)")
                .bind("tokenHash", link.tokenHash())
                .bind("ticketId", link.ticketId().value())
                .bind("resolvedAt", instant(link.resolvedAt()))
                .bind("createdAt", instant(link.createdAt()))
                .bind("expiresAt", instant(link.expiresAt()))
                .execute();
    }

    @Override
    public Optional<StatusLink> find(String tokenHash) {
        return handle.createQuery("SELECT token_hash, ticket_id, resolved_at, created_at, expires_at FROM status_links "
                        + "WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .map((rs, ctx) -> new StatusLink(rs.getString("token_hash"), TicketId.of(rs.getString("ticket_id")),
                        instant(rs, "resolved_at"), instant(rs, "created_at"), instant(rs, "expires_at")))
                .findOne();
    }
}
