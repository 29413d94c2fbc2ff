package dev.rapport.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class NotifierExampleTest {
    @Test
    void thePagerIsToldOfTheAssignmentInTheAgentsLanguage() throws InterruptedException {
        var outcome = NotifierExample.run(Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));

        assertThat(outcome.pages()).containsExactly("TicketAssigned → Li Na <li.na@example.com> in en");
        assertThat(outcome.heard()).contains("CustomerCreated", "TicketCreated");
    }

    @Test
    void theGuideQuotesTheExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/rapport/examples/NotifierExample.java"));
        String snippet = source.substring(source.indexOf("// tag::notify[]") + "// tag::notify[]".length(),
                source.indexOf("// end::notify[]"));
        String guide = Files.readString(Path.of("embedding.md"));
        assertThat(guide).contains(snippet.stripIndent().strip());
    }
}
