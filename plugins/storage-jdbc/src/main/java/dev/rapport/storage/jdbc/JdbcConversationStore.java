package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.ConversationStore;
import dev.rapport.api.ticket.Correspondent;
import dev.rapport.api.ticket.SetAsideMessage;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketMessage;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/** Inbound receipts in {@code channel_receipts}; conversations in {@code ticket_messages}. */
final class JdbcConversationStore implements ConversationStore {
    private static final String COLUMNS = "ticket_id, channel, direction, message_id, correspondent_name, "
            + "correspondent_email, correspondent_phone, correspondent_handle, subject, body, message_references, "
            + "thread_key, sent_at";

    private final Handle handle;
    private final Dialect dialect;
    private final JsonCodec json;

    JdbcConversationStore(Handle handle, Dialect dialect, JsonCodec json) {
        this.handle = handle;
        this.dialect = dialect;
        this.json = json;
    }

    @Override
    public boolean claim(String channel, String messageId, Instant at) {
        return InsertIfAbsent.insert(handle, dialect, "channel_receipts", "receipt_key", Map.of(
                "receipt_key", key(channel, messageId), "channel", channel, "message_id", messageId,
                "received_at", instant(at)));
    }

    @Override
    public void file(String channel, String messageId, TicketId ticket) {
        handle.createUpdate("UPDATE channel_receipts SET ticket_id = :ticketId WHERE receipt_key = :key")
                .bind("ticketId", ticket.value())
                .bind("key", key(channel, messageId))
                .execute();
    }

    @Override
    public Optional<TicketId> filedOn(String channel, String messageId) {
        return handle.createQuery("SELECT ticket_id FROM channel_receipts WHERE receipt_key = :key")
                .bind("key", key(channel, messageId))
                .mapTo(String.class)
                .findOne()
                .map(TicketId::of);
    }

    @Override
    public void add(TicketMessage m) {
        var who = m.correspondent();
        handle.createUpdate("INSERT INTO ticket_messages (" + COLUMNS + ") VALUES (:ticketId, :channel, :direction, "
                        + ":messageId, :name, :email, :phone, :handle, :subject, :body, :references, :threadKey, :at)")
                .bind("ticketId", m.ticketId().value())
                .bind("channel", m.channel())
                .bind("direction", m.direction().name())
                .bind("messageId", m.messageId())
                .bind("name", who.name().orElse(null))
                .bind("email", who.email().orElse(null))
                .bind("phone", who.phone().orElse(null))
                .bind("handle", who.handle().orElse(null))
                .bind("subject", m.subject().orElse(null))
                .bind("body", m.body())
                .bind("references", json.strings(m.references()))
                .bind("threadKey", m.threadKey().orElse(null))
                .bind("at", instant(m.at()))
                .execute();
    }

    @Override
    public Optional<TicketMessage> find(String channel, String messageId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM ticket_messages WHERE channel = :channel "
                        + "AND message_id = :messageId ORDER BY position DESC")
                .bind("channel", channel)
                .bind("messageId", messageId)
                .map((rs, ctx) -> message(rs))
                .findFirst();
    }

    @Override
    public Optional<TicketId> ticketOf(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return handle.createQuery("SELECT ticket_id FROM ticket_messages WHERE message_id IN (<ids>) "
                        + "ORDER BY position DESC")
                .bindList("ids", List.copyOf(new TreeSet<>(messageIds)))
                .setMaxRows(1)
                .mapTo(String.class)
                .findFirst()
                .map(TicketId::of);
    }

    @Override
    public Optional<TicketId> ticketOfThread(String channel, String threadKey) {
        return handle.createQuery("SELECT ticket_id FROM ticket_messages WHERE channel = :channel "
                        + "AND thread_key = :threadKey ORDER BY position DESC")
                .bind("channel", channel)
                .bind("threadKey", threadKey)
                .setMaxRows(1)
                .mapTo(String.class)
                .findFirst()
                .map(TicketId::of);
    }

    @Override
    public List<TicketMessage> of(TicketId ticket) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM ticket_messages WHERE ticket_id = :ticketId "
                        + "ORDER BY position")
                .bind("ticketId", ticket.value())
                .map((rs, ctx) -> message(rs))
                .list();
    }

    private TicketMessage message(ResultSet rs) throws SQLException {
        var who = new Correspondent(optionalString(rs, "correspondent_name"), optionalString(rs, "correspondent_email"),
                optionalString(rs, "correspondent_phone"), optionalString(rs, "correspondent_handle"));
        return new TicketMessage(TicketId.of(rs.getString("ticket_id")), rs.getString("channel"),
                TicketMessage.Direction.valueOf(rs.getString("direction")), rs.getString("message_id"), who,
                optionalString(rs, "subject"), rs.getString("body"), json.strings(rs.getString("message_references")),
                optionalString(rs, "thread_key"), instant(rs, "sent_at"));
    }

    /** Channel names are kebab-case, so a space cannot occur in them and the key is unambiguous. */
    private static String key(String channel, String messageId) {
        return channel + " " + messageId;
    }

    @Override
    public void setAside(SetAsideMessage message) {
        boolean known = handle.createQuery("SELECT COUNT(*) FROM channel_set_aside WHERE channel = :channel "
                        + "AND message_id = :messageId")
                .bind("channel", message.channel())
                .bind("messageId", message.messageId())
                .mapTo(Long.class).one() > 0;
        if (!known) {
            handle.createUpdate("INSERT INTO channel_set_aside (channel, message_id, reason, place, set_aside_at) "
                            + "VALUES (:channel, :messageId, :reason, :place, :at)")
                    .bind("channel", message.channel())
                    .bind("messageId", message.messageId())
                    .bind("reason", message.reason())
                    .bind("place", message.place())
                    .bind("at", instant(message.at()))
                    .execute();
        }
    }

    @Override
    public List<SetAsideMessage> setAside(int limit) {
        return handle.createQuery("SELECT channel, message_id, reason, place, set_aside_at FROM channel_set_aside "
                        + "ORDER BY set_aside_at DESC, channel, message_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new SetAsideMessage(rs.getString("channel"), rs.getString("message_id"),
                        rs.getString("reason"), rs.getString("place"), instant(rs, "set_aside_at")))
                .list();
    }
}
