package dev.rapport.examples;

import dev.rapport.api.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingExampleTest {
    @Test
    void theGuidesExampleClosesTheTicketAndListenersHearIt() throws InterruptedException {
        var outcome = EmbeddingExample.run(Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));
        assertThat(outcome.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(outcome.ticket().number()).startsWith("T2026");
        assertThat(outcome.closedTickets()).containsExactly(outcome.ticket().id().value());
    }

    @Test
    void theGuideQuotesTheWholeExampleImportsIncluded() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/rapport/examples/EmbeddingExample.java"));
        String guide = Files.readString(Path.of("embedding.md"));
        assertThat(guide).contains("```java\n" + source.strip() + "\n```");
    }
}
