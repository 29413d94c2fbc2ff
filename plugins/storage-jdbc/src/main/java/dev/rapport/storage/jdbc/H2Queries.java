package dev.rapport.storage.jdbc;

import java.util.Locale;
import java.util.Map;

/**
 * How H2 keeps the queries it has run, set in the storage's URL (a setting the URL already names is the host's choice):
 * <ul>
 *   <li>{@code QUERY_CACHE_SIZE=64}: each connection keeps its last 8 parsed statements by default, fewer than one
 *       ticket read alone runs, so a connection serving mixed requests would parse most statements again;</li>
 *   <li>{@code OPTIMIZE_REUSE_RESULTS=FALSE}: H2 keeps each query's last result, to answer the same query with the
 *       same parameters from it while its tables are unchanged, and to know that walks the query's expressions and
 *       tables at every execution (a sixth of the CPU time of a ticket read over HTTP, profiled with JFR). A service's
 *       reads seldom repeat with nothing written in between, so the walk costs more than the reuse saves.</li>
 * </ul>
 */
final class H2Queries {
    private static final Map<String, String> SETTINGS = Map.of("QUERY_CACHE_SIZE", "64",
            "OPTIMIZE_REUSE_RESULTS", "FALSE");

    private H2Queries() {
    }

    /** An H2 URL with the settings above that it does not name; any other URL as it is. */
    static String tuned(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        var upper = url.toUpperCase(Locale.ROOT);
        var tuned = new StringBuilder(url);
        SETTINGS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(setting -> !upper.contains(setting.getKey() + "="))
                .forEach(setting -> tuned.append(';').append(setting.getKey()).append('=').append(setting.getValue()));
        return tuned.toString();
    }
}
