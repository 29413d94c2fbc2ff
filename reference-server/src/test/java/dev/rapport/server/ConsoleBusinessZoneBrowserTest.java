package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console shows times and counts its days in the SDK's business zone, which the session names, not in the
 * browser's: a server whose business zone is New York's, seen from a browser set to Tokyo's.
 */
class ConsoleBusinessZoneBrowserTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String BROWSER_ZONE = "Asia/Tokyo";
    /** How Chromium's English shows a medium date with a short time. */
    private static final DateTimeFormatter MEDIUM_SHORT = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a",
            Locale.US);

    private TestServer server;
    private ConsoleBrowser browser;

    @BeforeEach
    void aNewYorkServerSeenFromTokyo() {
        server = TestServer.demo(TestDatabase.H2, builder -> builder.zone(NEW_YORK));
        browser = ConsoleBrowser.on(server).inZone(BROWSER_ZONE);
    }

    @AfterEach
    void giveTheBrowserItsZoneBack() {
        browser.inZone("");
        server.close();
    }

    @Test
    void aTicketsOpeningTimeShowsAsNewYorksClocksShowedIt() {
        String token = server.login("supervisor");
        var ticket = server.get("/api/v1/tickets?limit=1", token).body().at("/items/0");
        var opened = Instant.parse(ticket.get("createdAt").asText());

        browser.login("supervisor", "en").go("/tickets/" + ticket.get("id").asText());
        String shown = browser.find("#main dl").getText();

        assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(BROWSER_ZONE);
        assertThat(plainSpaces(shown)).contains(MEDIUM_SHORT.withZone(NEW_YORK).format(opened))
                .doesNotContain(MEDIUM_SHORT.withZone(ZoneId.of(BROWSER_ZONE)).format(opened));
    }

    @Test
    void theReportsOpenOnTheBusinessMonthThoughUtcAndTheBrowserAreInTheNextOne() {
        // 03:00 UTC on 1 December: noon in Tokyo, still 22:00 on 30 November in New York.
        server.clock.set(Instant.parse("2026-12-01T03:00:00Z"));

        browser.login("supervisor", "en").go("/reports");

        assertThat(browser.control("#main form.toolbar", "from").getAttribute("value")).isEqualTo("2026-11-01");
        assertThat(browser.control("#main form.toolbar", "to").getAttribute("value")).isEqualTo("2026-11-30");
        assertThat(browser.find("#main .weak-points h2").getText()).isEqualTo("Weak points of 2026-11");
    }

    /** Chromium puts a narrow no-break space before AM/PM; Java a plain one. */
    private static String plainSpaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
