package dev.rapport.server.routes;

import dev.rapport.api.status.StatusEntry;
import dev.rapport.api.status.StatusView;
import dev.rapport.api.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The customers' pages show times in the zone they are given, the SDK's business zone, with its offset. */
class PublicPageTimesTest {
    private static final Instant PROGRESS = Instant.parse("2026-11-30T17:05:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-14T17:05:00Z");

    @Test
    void theStatusPageShowsProgressAndExpiryInTheBusinessZone() {
        var view = new StatusView("T-20261130-0001", TicketStatus.RESOLVED, Optional.of("Printer"),
                List.of(new StatusEntry(PROGRESS, "Replaced the fuser")), Optional.of("Fuser replaced"), true,
                EXPIRES, Locale.ENGLISH);

        String shanghai = new StatusPage(Locale.ENGLISH, ZoneId.of("Asia/Shanghai"))
                .view(view, "/confirm", "?lang=zh-CN", Map.of(), List.of());
        String newYork = new StatusPage(Locale.ENGLISH, ZoneId.of("America/New_York"))
                .view(view, "/confirm", "?lang=zh-CN", Map.of(), List.of());

        assertThat(shanghai).contains("2026-12-01 01:05 +08:00").contains("2026-12-15 01:05 +08:00");
        assertThat(newYork).contains("2026-11-30 12:05 -05:00").contains("2026-12-14 12:05 -05:00")
                .doesNotContain("+08:00");
    }

    @Test
    void theSurveyPageShowsWhenItClosedInTheBusinessZone() {
        String page = new SurveyPage(Locale.ENGLISH, ZoneId.of("Europe/Lisbon")).expired("T-20261130-0001", EXPIRES);

        assertThat(page).contains("2026-12-14 17:05 +00:00");
    }
}
