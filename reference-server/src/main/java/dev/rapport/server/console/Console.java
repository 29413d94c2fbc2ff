package dev.rapport.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import org.webjars.WebJarVersionLocator;

/**
 * The web console: static assets from {@code console/} on the class path at {@code /}, third-party browser libraries
 * from their WebJars at {@code /webjars/<name>/<path>} (the version is the WebJar's on the class path, so the assets
 * never name one), and the texts of each language at {@code /i18n/<language tag>}. Nothing is fetched from elsewhere.
 */
public final class Console {
    private static final String WEBJARS = "/webjars";

    private Console() {
    }

    /** Registers the console's routes; API routes registered before keep precedence. */
    public static void register(HttpRouting.Builder routing, ObjectMapper mapper) {
        var messages = ConsoleMessages.load(mapper);
        var webjars = new WebJarVersionLocator();
        routing.get("/i18n/{language}", (req, res) -> {
                    var json = messages.json(req.path().pathParameters().get("language"));
                    if (json.isEmpty()) {
                        res.next();
                        return;
                    }
                    res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                            .header(HeaderNames.CACHE_CONTROL, "no-cache")
                            .send(json.get());
                })
                .register(WEBJARS, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("META-INF/resources/webjars")
                        .pathMapper(path -> versioned(webjars, path))
                        .build()))
                .register("/", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("console")
                        .welcome("index.html")
                        .build()));
    }

    /** {@code chart.js/dist/chart.umd.min.js} → {@code chart.js/4.5.1/dist/chart.umd.min.js}. */
    private static String versioned(WebJarVersionLocator webjars, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        int slash = relative.indexOf('/');
        if (slash <= 0) {
            return path;
        }
        String located = webjars.path(relative.substring(0, slash), relative.substring(slash + 1));
        return located == null ? path : (path.startsWith("/") ? "/" : "") + located;
    }
}
