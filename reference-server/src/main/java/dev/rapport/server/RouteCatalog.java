package dev.rapport.server;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every route the server's services register, as method and path template ({@code POST /api/v1/tickets/{id}/assign}),
 * read by running the same registration into recording rules: Helidon's routing keeps no list of its own. What is
 * registered here is what is served, so a route added to a service is listed without naming it twice (the fuzz test
 * drives each, the 405 answer names the methods a path has).
 */
public final class RouteCatalog {
    /** One route: its method and its path template with {@code {name}} parameters. */
    public record Route(Method method, String path) {
        /** The names of the path's parameters, in order. */
        public List<String> parameters() {
            return PARAMETER.matcher(path).results().map(m -> m.group(1)).toList();
        }

        /** Whether a concrete path (no query) is one this template describes. */
        public boolean matches(String concrete) {
            return pattern(path).matcher(concrete).matches();
        }

        @Override
        public String toString() {
            return method.text() + " " + path;
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private final List<Route> routes;

    private RouteCatalog(List<Route> routes) {
        this.routes = routes.stream().distinct()
                .sorted(Comparator.comparing(Route::path).thenComparing(r -> r.method().text())).toList();
    }

    /** The routes {@code registration} registers on the rules it is given. */
    public static RouteCatalog of(Consumer<HttpRules> registration) {
        var recorded = new ArrayList<Route>();
        registration.accept(new Recorder("", recorded));
        return new RouteCatalog(recorded);
    }

    /** Every route, by path then method. */
    public List<Route> routes() {
        return routes;
    }

    /** The methods some route serves {@code path} with; empty when no route has the path. */
    public Set<String> methodsOf(String path) {
        return routes.stream().filter(r -> r.matches(path)).map(r -> r.method().text())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * What a log line may say of a request: the template of the route serving {@code method} and {@code path} (a
     * literal route before one with parameters), never the concrete path, whose segments may be secrets such as a
     * survey token; {@code "(no route)"} when no route serves it.
     */
    public String templateOf(String method, String path) {
        return routeOf(method, path).map(Route::toString).orElse(method + " (no route)");
    }

    /** The route serving {@code method} and {@code path}: a literal route before one with parameters. */
    public Optional<Route> routeOf(String method, String path) {
        return routes.stream().filter(r -> r.method().text().equalsIgnoreCase(method) && r.matches(path))
                .min(Comparator.comparingInt((Route r) -> r.parameters().size()));
    }

    private static Pattern pattern(String template) {
        var regex = new StringBuilder();
        var matcher = PARAMETER.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("[^/]+");
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex + "/?");
    }

    /** Rules that record what is registered on them instead of routing; services register on them as on a router. */
    private record Recorder(String prefix, List<Route> recorded) implements HttpRules {
        @Override
        public HttpRules register(HttpService... services) {
            for (HttpService service : services) {
                service.routing(this);
            }
            return this;
        }

        @Override
        public HttpRules register(String pathPattern, HttpService... services) {
            var nested = new Recorder(join(prefix, pathPattern), recorded);
            for (HttpService service : services) {
                service.routing(nested);
            }
            return this;
        }

        @Override
        public HttpRules route(Method method, String pathPattern, Handler handler) {
            recorded.add(new Route(method, join(prefix, pathPattern)));
            return this;
        }

        @Override
        public HttpRules route(Method method, Handler handler) {
            recorded.add(new Route(method, prefix.isEmpty() ? "/" : prefix));
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            // A route built by hand (any method, a matcher of its own) has no template to list.
            return this;
        }

        private static String join(String prefix, String path) {
            if (path.equals("/") || path.isEmpty()) {
                return prefix.isEmpty() ? "/" : prefix;
            }
            return (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                    + (path.startsWith("/") ? path : "/" + path);
        }
    }
}
