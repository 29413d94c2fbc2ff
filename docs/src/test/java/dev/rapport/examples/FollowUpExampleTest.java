package dev.rapport.examples;

import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpExampleTest {
    @Test
    void theClosurePlansTheChangedStepsAndCompletingOneLogsTheCall() {
        var outcome = FollowUpExample.run(Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));

        assertThat(outcome.planned()).extracting(FollowUp::kind).containsExactly(FollowUpKind.SATISFACTION_CHECK,
                FollowUpKind.USAGE_GUIDE, FollowUpKind.ACCOUNT_VISIT);
        assertThat(outcome.planned().getFirst().dueAt()).as("day 2 at 08:30 in Shanghai")
                .isEqualTo(Instant.parse("2026-11-25T00:30:00Z"));
        assertThat(outcome.done().state()).isEqualTo(FollowUpState.DONE);
        assertThat(outcome.done().interactionId()).contains(outcome.logged().id());
        assertThat(outcome.logged().method()).isEqualTo(InteractionMethod.PHONE);
    }

    @Test
    void theGuideQuotesTheExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/rapport/examples/FollowUpExample.java"));
        String guide = Files.readString(Path.of("embedding.md"));
        for (String tag : new String[]{"plan", "work"}) {
            String snippet = source.substring(source.indexOf("// tag::" + tag + "[]") + ("// tag::" + tag + "[]").length(),
                    source.indexOf("// end::" + tag + "[]"));
            assertThat(guide).as(tag).contains(snippet.stripIndent().strip());
        }
    }
}
