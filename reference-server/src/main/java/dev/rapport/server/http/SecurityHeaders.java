package dev.rapport.server.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRouting;

/**
 * The headers every answer of the routing carries, set before any route runs so that error answers carry them too:
 * a strict {@code Content-Security-Policy} (scripts, styles and everything else from this server only, no inline
 * script or style, no framing), {@code X-Frame-Options: DENY} for browsers without CSP level 2,
 * {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer} (a survey page's address holds its
 * token). Answers of the API and the survey pages are never stored by a cache: {@code Cache-Control: no-store}.
 */
public final class SecurityHeaders {
    /**
     * The policy as sent; the console and the survey page load their scripts and styles as files of this server.
     * {@code blob:} is for the files the console makes itself (a report's CSV, a downloaded attachment).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self' blob:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    public static final String REFERRER_POLICY = "no-referrer";

    // Built once with their bytes as sent: every answer carries them.
    private static final Header CSP = HeaderValues.createCached(HeaderNames.create("Content-Security-Policy"),
            CONTENT_SECURITY_POLICY);
    private static final Header FRAME_OPTIONS = HeaderValues.createCached(HeaderNames.create("X-Frame-Options"),
            "DENY");
    private static final Header REFERRER = HeaderValues.createCached(HeaderNames.create("Referrer-Policy"),
            REFERRER_POLICY);
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");

    private SecurityHeaders() {
    }

    /**
     * Registers the filter; register it first.
     *
     * @param uncached path prefixes whose answers get {@code Cache-Control: no-store}, e.g. {@code /api/}
     */
    public static void register(HttpRouting.Builder routing, String... uncached) {
        routing.addFilter((chain, req, res) -> {
            res.header(CSP).header(FRAME_OPTIONS).header(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF).header(REFERRER);
            String path = req.path().absolute().path();
            for (String prefix : uncached) {
                if (path.startsWith(prefix)) {
                    res.header(NO_STORE);
                    break;
                }
            }
            chain.proceed();
        });
    }
}
