package dev.rapport.server;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

        @Override
        public String toString() {
            return method.text() + " " + path;
        }
    }

    /**
     * A path template split into its segments once, {@code null} standing for a parameter: matching a request's path
     * runs on every request (permissions, metrics, logs), so it compares segments instead of compiling or running
     * regular expressions.
     */
    private record Template(Route route, String[] segments, int parameters) {
        static Template of(Route route) {
            var segments = segments(route.path());
            int parameters = 0;
            for (int i = 0; i < segments.length; i++) {
                if (PARAMETER.matcher(segments[i]).matches()) {
                    segments[i] = null;
                    parameters++;
                }
            }
            return new Template(route, segments, parameters);
        }

        /** The segments of a path, without the empty ones a leading or trailing slash makes. */
        static String[] segments(String path) {
            int from = path.startsWith("/") ? 1 : 0;
            int to = path.endsWith("/") && path.length() > from ? path.length() - 1 : path.length();
            return from >= to ? new String[0] : path.substring(from, to).split("/", -1);
        }

        boolean matches(String[] concrete) {
            if (concrete.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] == null ? concrete[i].isEmpty() : !segments[i].equals(concrete[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private final List<Route> routes;
    /** Each method's routes, literal ones before those with parameters. */
    private final Map<String, List<Template>> byMethod;

    private RouteCatalog(List<Route> routes) {
        this.routes = routes.stream().distinct()
                .sorted(Comparator.comparing(Route::path).thenComparing(r -> r.method().text())).toList();
        this.byMethod = this.routes.stream().map(Template::of)
                .sorted(Comparator.comparingInt(Template::parameters))
                .collect(Collectors.groupingBy(t -> t.route().method().text(), Collectors.toList()));
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
        var segments = Template.segments(path);
        return byMethod.values().stream().flatMap(List::stream).filter(t -> t.matches(segments))
                .map(t -> t.route().method().text()).collect(Collectors.toCollection(TreeSet::new));
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
        var candidates = byMethod.get(method.toUpperCase(Locale.ROOT));
        if (candidates == null) {
            return Optional.empty();
        }
        var segments = Template.segments(path);
        for (Template template : candidates) {
            if (template.matches(segments)) {
                return Optional.of(template.route());
            }
        }
        return Optional.empty();
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
