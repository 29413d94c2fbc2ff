package dev.rapport.server.metrics;

import dev.rapport.server.RouteCatalog;

import java.util.Set;

/**
 * The labels a request is counted under: its route's template ({@code /api/v1/tickets/{id}}), never the concrete path,
 * whose segments are ids or secrets (a survey token); its method, one of a fixed few. A literal route wins over one
 * with parameters, as in {@link RouteCatalog#routeOf}.
 */
final class RouteLabels {
    /** What a path no route of the catalog serves is counted as (console files, unknown paths). */
    static final String OTHER = "other";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final RouteCatalog catalog;

    RouteLabels(RouteCatalog catalog) {
        this.catalog = catalog;
    }

    /** The route template serving {@code method} and {@code path}, or {@link #OTHER}. */
    String template(String method, String path) {
        return catalog.routeOf(method, path).map(RouteCatalog.Route::path).orElse(OTHER);
    }

    /** The method as a label: one of the standard methods, else {@code OTHER}, so no client can invent labels. */
    static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }
}
