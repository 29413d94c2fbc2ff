package dev.rapport.channel.chat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.ticket.Correspondent;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an authenticated event: {@code {"type": "message", "messageId", "conversationId", "sender": {"id", "name",
 * "email", "phone"}, "text", "sentAt", "replyTo"}}. Other fields are ignored; events of other types (a read receipt,
 * a ping) carry no customer message.
 */
final class ChatEvents {
    static final String MESSAGE = "message";
    static final int MAX_ID_CHARS = 200;
    static final int MAX_NAME_CHARS = 100;
    static final int MAX_TEXT_CHARS = 10_000;
    /** JSON shared with the reply side: each field at most once, nothing after the value. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern SHOWN_TYPE = Pattern.compile("[A-Za-z0-9._:-]{1,40}");

    private ChatEvents() {
    }

    /** What the event in {@code body} is; {@code now} is its time when it does not say. */
    static Received read(byte[] body, Instant now) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return new Received.Invalid(List.of(FieldError.of("body", "must be a JSON object")));
        }
        var fields = new Fields();
        Optional<String> type = fields.requiredLine(event, "type", "type", MAX_ID_CHARS);
        if (type.isEmpty()) {
            return new Received.Invalid(fields.errors());
        }
        if (!type.get().equals(MESSAGE)) {
            String shown = SHOWN_TYPE.matcher(type.get()).matches() ? "a '" + type.get() + "'" : "an";
            return new Received.Ignored(shown + " event carries no customer message");
        }
        return message(event, fields, now);
    }

    private static Received message(JsonNode event, Fields fields, Instant now) {
        Optional<String> messageId = fields.requiredLine(event, "messageId", "messageId", MAX_ID_CHARS);
        Optional<String> conversationId = fields.requiredLine(event, "conversationId", "conversationId", MAX_ID_CHARS);
        Optional<String> senderId = Optional.empty();
        Optional<String> name = Optional.empty();
        Optional<String> email = Optional.empty();
        Optional<String> phone = Optional.empty();
        JsonNode sender = event.get("sender");
        if (sender == null || sender.isNull()) {
            fields.add("sender.id", "is required");
        } else if (!sender.isObject()) {
            fields.add("sender", "must be an object with an id");
        } else {
            senderId = fields.requiredLine(sender, "id", "sender.id", MAX_ID_CHARS);
            name = fields.line(sender, "name", "sender.name", MAX_NAME_CHARS);
            email = fields.email(sender, "email", "sender.email");
            phone = fields.phone(sender, "phone", "sender.phone");
        }
        Optional<String> text = fields.requiredParagraphs(event, "text", "text", MAX_TEXT_CHARS);
        Optional<String> replyTo = fields.line(event, "replyTo", "replyTo", MAX_ID_CHARS);
        Optional<Instant> sentAt = fields.line(event, "sentAt", "sentAt", 64).flatMap(at -> instant(at, fields));
        if (!fields.errors().isEmpty()) {
            return new Received.Invalid(fields.errors());
        }
        var from = new Correspondent(name, email, phone, senderId);
        return new Received.Accepted(new InboundMessage(messageId.orElseThrow(), from, Optional.empty(),
                text.orElseThrow(), replyTo.stream().toList(), conversationId, sentAt.orElse(now)));
    }

    private static Optional<Instant> instant(String text, Fields fields) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            fields.add("sentAt", "must be an ISO-8601 time with an offset, e.g. 2026-03-02T09:00:00+08:00");
            return Optional.empty();
        }
    }
}
