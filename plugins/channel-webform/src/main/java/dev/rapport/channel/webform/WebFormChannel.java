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
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    /** The field the form hides from people, and that must stay empty. */
    static final String HONEYPOT = "website";

    private final int maxMessageChars;
    private final int proofBits;
    private final Clock clock;

    WebFormChannel(int maxMessageChars, int proofBits, Clock clock) {
        this.maxMessageChars = maxMessageChars;
        this.proofBits = proofBits;
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
        // The honeypot: the form hides it from people, a bot fills in every field it finds.
        if (checks.given(HONEYPOT)) {
            checks.add(HONEYPOT, "must be left empty");
        }
        Instant now = clock.instant();
        if (proofBits > 0) {
            Optional<String> proof = checks.line("proof", WorkProof.MAX_CHARS);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            // Yesterday's too: a page opened before midnight (UTC) may post after it.
            if (message.isPresent() && (proof.isEmpty() || !WorkProof.holds(proof.get(), message.get(), today, proofBits)
                    && !WorkProof.holds(proof.get(), message.get(), today.minusDays(1), proofBits))) {
                checks.add("proof", "must be the proof of work the form computes for the message: SHA-256 of \""
                        + WorkProof.VERSION + "\\n<UTC day>\\n<message>\\n<proof>\" starting with " + proofBits
                        + " zero bits");
            }
        }
        Optional<String> key = request.header(MessageIds.IDEMPOTENCY_KEY).map(String::strip);
        if (key.isPresent() && !MessageIds.isFitKey(key.get())) {
            checks.add(MessageIds.IDEMPOTENCY_KEY, "must be 1 to " + MessageIds.MAX_KEY_CHARS
                    + " visible ASCII characters, e.g. a UUID");
        }
        if (!checks.errors().isEmpty()) {
            return new Received.Invalid(checks.errors());
        }
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
        return "WebFormChannel[" + WebFormChannelFactory.MAX_MESSAGE_CHARS + "=" + maxMessageChars + ", "
                + WebFormChannelFactory.PROOF_BITS + "=" + proofBits + "]";
    }
}
