package dev.rapport.server.http;

import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.UnsupportedMediaTypeException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a public, unauthenticated post must show so that another site cannot make its visitors' browsers send it: JSON
 * (a {@code text/plain} or form post is one that a page of any origin may send without asking; JSON from another origin
 * needs a CORS preflight, which this server never grants), and, when the browser says where the request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}), this server's own origin. Clients that are not browsers send neither header.
 */
public final class OwnPages {
    private static final Set<String> OWN_SITES = Set.of("same-origin", "none");
    private static final String JSON = "application/json";

    private OwnPages() {
    }

    /**
     * @throws UnsupportedMediaTypeException unless the body is declared {@code application/json}
     * @throws ForbiddenException            when the browser says the request comes from another origin
     */
    public static void require(ServerRequest req) {
        var type = req.headers().first(HeaderNames.CONTENT_TYPE);
        boolean json = type.map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).filter(JSON::equals)
                .isPresent();
        if (!json) {
            throw UnsupportedMediaTypeException.body(type.orElse(null), Set.of(JSON));
        }
        var site = req.headers().first(HeaderNames.create("Sec-Fetch-Site")).map(s -> s.strip().toLowerCase(Locale.ROOT));
        if (site.isPresent() && !OWN_SITES.contains(site.get())) {
            throw crossOrigin();
        }
        var origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !sameOrigin(origin.get(), req.headers().first(HeaderNames.HOST))) {
            throw crossOrigin();
        }
    }

    /** {@code Origin: https://service.example.com} against {@code Host: service.example.com}; {@code null} is none. */
    private static boolean sameOrigin(String origin, Optional<String> host) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null
                    && host.filter(h -> h.strip().equalsIgnoreCase(uri.getRawAuthority())).isPresent();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static ForbiddenException crossOrigin() {
        return ForbiddenException.of("public.cross-origin",
                "Only this server's own pages may post here; a page of another origin may not");
    }
}
