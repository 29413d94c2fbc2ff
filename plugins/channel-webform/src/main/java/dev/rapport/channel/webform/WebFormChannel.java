package dev.rapport.channel.webform;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.spi.channel.AnonymousSenders;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.ticket.Correspondent;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns one form submission into a customer's message. Anyone can post the form, so its senders are anonymous: the SDK
 * threads nothing by what they claim. Holds no state between requests, so is safe concurrently.
 */
final class WebFormChannel implements PushChannel, AnonymousSenders {
    static final int MAX_SUBJECT_CHARS = 200;
    static final int MAX_NAME_CHARS = 100;
    /** Each field at most once, and nothing after the object: a body that could be read two ways is refused. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final FieldError NOT_A_FORM = FieldError.of("body",
            "must be a JSON object with name, email, phone, subject and message, each a string");

    private final int maxMessageChars;
    private final Clock clock;

    WebFormChannel(int maxMessageChars, Clock clock) {
        this.maxMessageChars = maxMessageChars;
        this.clock = clock;
    }

    @Override
    public Received receive(InboundRequest request) {
        JsonNode form;
        try {
            form = JSON.readTree(request.body());
        } catch (IOException e) {
            return new Received.Invalid(List.of(NOT_A_FORM));
        }
        if (form == null || !form.isObject()) {
            return new Received.Invalid(List.of(NOT_A_FORM));
        }
        var checks = new FormChecks(form);
        Optional<String> name = checks.line("name", MAX_NAME_CHARS);
        Optional<String> email = checks.email("email");
        Optional<String> phone = checks.phone("phone");
        Optional<String> subject = checks.line("subject", MAX_SUBJECT_CHARS);
        Optional<String> message = checks.paragraphs("message", maxMessageChars);
        if (message.isEmpty() && !checks.given("message")) {
            checks.add("message", "is required");
        }
        if (!checks.given("email") && !checks.given("phone")) {
            checks.add("email", "an e-mail address or a phone number is required");
        }
        Optional<String> key = request.header(MessageIds.IDEMPOTENCY_KEY).map(String::strip);
        if (key.isPresent() && !MessageIds.isFitKey(key.get())) {
            checks.add(MessageIds.IDEMPOTENCY_KEY, "must be 1 to " + MessageIds.MAX_KEY_CHARS
                    + " visible ASCII characters, e.g. a UUID");
        }
        if (!checks.errors().isEmpty()) {
            return new Received.Invalid(checks.errors());
        }
        Instant now = clock.instant();
        String messageId = key.map(MessageIds::fromKey)
                .orElseGet(() -> MessageIds.fromContent(email, phone, subject, message.orElseThrow(), now));
        var from = new Correspondent(name, email, phone, Optional.empty());
        return new Received.Accepted(new InboundMessage(messageId, from, subject, message.orElseThrow(), List.of(),
                Optional.empty(), now));
    }

    @Override
    public void close() {
        // nothing held: no connection, no thread
    }

    @Override
    public String toString() {
        return "WebFormChannel[" + WebFormChannelFactory.MAX_MESSAGE_CHARS + "=" + maxMessageChars + "]";
    }
}
