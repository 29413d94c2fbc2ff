package dev.rapport.server.metrics;

import dev.rapport.api.error.UnauthorizedException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the meters in Prometheus' text format. Public unless a token is configured, which the route
 * checks itself (its permission rule is "public": a metrics token is no user's session).
 */
public final class MetricsRoutes implements HttpService {
    /** Prometheus' text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;
    private final Optional<byte[]> token;

    /** @param scrape the meters as Prometheus text, e.g. {@link ServerMetrics#scrape()} */
    public MetricsRoutes(Supplier<String> scrape, Optional<String> token) {
        this.scrape = scrape;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metrics", (req, res) -> {
            requireToken(req);
            res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send(scrape.get());
        });
    }

    private void requireToken(ServerRequest req) {
        if (token.isEmpty()) {
            return;
        }
        byte[] given = req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip().getBytes(StandardCharsets.UTF_8))
                .orElse(new byte[0]);
        // Constant time, so the answer's timing tells nothing of how much of a guess was right.
        if (!MessageDigest.isEqual(given, token.get())) {
            throw UnauthorizedException.badToken();
        }
    }
}
