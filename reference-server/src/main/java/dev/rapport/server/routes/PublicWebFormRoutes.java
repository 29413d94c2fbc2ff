package dev.rapport.server.routes;

import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.ticket.Inbox;
import dev.rapport.server.http.Exchange;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /contact}: this server's own page for the public web form of API.md, in zh-CN or en ({@code ?lang=},
 * then {@code Accept-Language}, as the survey page), posting to {@code POST /api/v1/public/webform} from this origin.
 * 404 when no {@code webform} channel is configured. The page reads nothing stored, so it costs no more than a static
 * file; what it posts is checked and rate-limited per address by the channel and the SDK.
 */
public final class PublicWebFormRoutes {
    /** Where the page is served. */
    public static final String PAGE_PATH = "/contact";
    /**
     * The leading zero bits the page's proof of work seeks: the {@code webform} channel's default {@code proof-bits}.
     */
    static final int PROOF_BITS = 12;

    private PublicWebFormRoutes() {
    }

    /** {@code GET /} under {@value #PAGE_PATH}. */
    public static HttpService page(Inbox inbox, Clock clock, Exchange http) {
        return rules -> rules.get("/", (req, res) -> {
            if (inbox.pushChannelOfType(ChannelRoutes.WEBFORM_PLUGIN).isEmpty()) {
                throw NotFoundException.of("channel", ChannelRoutes.WEBFORM_PLUGIN);
            }
            var page = pageIn(http.query(req, "lang"), req);
            html(res, page.form(clock.instant(), PROOF_BITS, switchLink(page.locale())));
        });
    }

    /** {@code ?lang=}, then {@code Accept-Language}, then Chinese. */
    private static WebFormPage pageIn(Optional<String> asked, ServerRequest req) {
        return WebFormPage.in(asked.flatMap(PublicSurveyRoutes::supported)
                .or(() -> req.headers().first(HeaderNames.ACCEPT_LANGUAGE).flatMap(PublicSurveyRoutes::preferred))
                .orElse(PublicPage.CHINESE));
    }

    private static String switchLink(Locale locale) {
        return "?lang=" + (locale.equals(PublicPage.CHINESE) ? "en" : "zh-CN");
    }

    /** Never cached: it carries the server's time. The security headers are every answer's (SecurityHeaders). */
    private static void html(ServerResponse res, String page) {
        res.status(200)
                .header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(page.getBytes(StandardCharsets.UTF_8));
    }
}
