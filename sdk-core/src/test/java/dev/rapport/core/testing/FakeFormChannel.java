package dev.rapport.core.testing;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.ticket.Correspondent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A push channel whose requests say what they are: header {@code X-Verdict} ({@code accept}, {@code ignore},
 * {@code forged} or {@code invalid}), {@code X-Message-Id}, {@code X-From} (an e-mail address); the body is the text.
 */
public final class FakeFormChannel implements PushChannel {
    public static InboundRequest request(String verdict, String messageId, String from, String text) {
        return new InboundRequest("203.0.113.7", Map.of("X-Verdict", List.of(verdict), "X-Message-Id",
                List.of(messageId), "X-From", List.of(from)), text.getBytes());
    }

    @Override
    public Received receive(InboundRequest request) {
        return switch (request.header("x-verdict").orElse("")) {
            case "accept" -> new Received.Accepted(new InboundMessage(request.header("X-Message-Id").orElseThrow(),
                    Correspondent.byEmail(request.header("X-From").orElseThrow(), Optional.empty()),
                    Optional.of("Web form"), request.text(), List.of(), Optional.empty(),
                    Instant.parse("2026-11-23T01:00:00Z")));
            case "ignore" -> new Received.Ignored("a ping");
            case "forged" -> new Received.Unauthenticated("signature mismatch");
            default -> new Received.Invalid(List.of(FieldError.of("message", "is required")));
        };
    }

    @Override
    public void close() {
    }
}
