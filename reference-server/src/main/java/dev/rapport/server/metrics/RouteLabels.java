package dev.rapport.server.metrics;

import dev.rapport.server.RouteCatalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The labels a request is counted under: its route's template ({@code /api/v1/tickets/{id}}), never the concrete path,
 * whose segments are ids or secrets (a survey token); its method, one of a fixed few. Each route's pattern is compiled
 * once, since this runs on every request; a literal route wins over one with parameters, as in
 * {@link RouteCatalog#routeOf}.
 */
final class RouteLabels {
    /** What a path no route of the catalog serves is counted as (console files, unknown paths). */
    static final String OTHER = "other";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private record Compiled(String template, Pattern pattern, int parameters) {
    }

    private final Map<String, List<Compiled>> byMethod;

    RouteLabels(RouteCatalog catalog) {
        this.byMethod = catalog.routes().stream().collect(Collectors.groupingBy(r -> r.method().text(),
                Collectors.collectingAndThen(Collectors.toList(), routes -> routes.stream()
                        .map(r -> new Compiled(r.path(), compile(r.path()), r.parameters().size()))
                        .sorted(Comparator.comparingInt(Compiled::parameters))
                        .toList())));
    }

    /** The route template serving {@code method} and {@code path}, or {@link #OTHER}. */
    String template(String method, String path) {
        for (Compiled route : byMethod.getOrDefault(method, List.of())) {
            if (route.pattern().matcher(path).matches()) {
                return route.template();
            }
        }
        return OTHER;
    }

    /** The method as a label: one of the standard methods, else {@code OTHER}, so no client can invent labels. */
    static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }

    private static Pattern compile(String template) {
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
}
