package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a test (its name keeps it out of the test run): how long each console view takes to draw on the
 * demo data, from the route change to the view on screen (API calls included), as the browser's performance timing
 * measures it, beside a bare Helidon route fetched by the same browser in the same run; and what the first load of the
 * console transfers. Run it with
 * {@code mvn -B -q -Dstyle.color=never test -pl reference-server -am -Dtest=ConsoleViewTimings -Dsurefire.failIfNoSpecifiedTests=false};
 * it prints one line per view and ends with {@code console first-load-bytes=<n> slowest-view-median-ms=<x>}.
 */
class ConsoleViewTimings {
    private static final int ROUNDS = 7;

    @Test
    void everyViewOnTheDemoData() throws IOException {
        var lines = new ArrayList<String>();
        try (var server = TestServer.demo(TestDatabase.H2)) {
            var browser = ConsoleBrowser.on(server);
            long firstLoad = firstLoadBytes(browser, server);
            lines.add(resourcesLoaded(browser, "login page"));
            browser.login("agent", "en");
            browser.waitForText("#main h1", "Ticket queue");
            long throughFirstView = browser.transferredBytes();
            lines.add(resourcesLoaded(browser, "login page, then the agent's queue"));
            browser.logout();
            browser.waitForText("#main .notice", "logged out");
            String agentToken = server.login("agent");
            String customerId = server.get("/api/v1/customers?q=C2026000001", agentToken).text("/items/0/id");
            String ticketId = server.get("/api/v1/tickets?status=IN_PROGRESS&limit=1", agentToken).text("/items/0/id");
            var routes = new LinkedHashMap<String, List<String>>();
            routes.put("agent", List.of("/queue", "/queue?scope=department", "/customers?q=杭州",
                    "/customers/" + customerId, "/customers/new", "/tickets/new?customerId=" + customerId,
                    "/tickets/" + ticketId, "/follow-ups"));
            routes.put("supervisor", List.of("/monitor", "/follow-ups", "/improvements", "/reports"));
            routes.put("admin", List.of("/admin/users", "/admin/departments", "/admin/sla", "/admin/ticket-types",
                    "/follow-ups/unplanned", "/admin/set-aside"));

            double bare = bareRouteMillis(browser);
            lines.add(String.format(Locale.ROOT, "baseline GET /health from the browser: median-ms=%.1f", bare));
            double slowest = 0;
            for (var role : routes.entrySet()) {
                browser.login(role.getKey(), "en");
                var samples = new LinkedHashMap<String, List<Double>>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (String route : role.getValue()) {
                        samples.computeIfAbsent(route, r -> new ArrayList<>()).add(draw(browser, route));
                    }
                }
                for (var sample : samples.entrySet()) {
                    double median = median(sample.getValue());
                    slowest = Math.max(slowest, median);
                    lines.add(String.format(Locale.ROOT, "console-view %-10s %-40s median-ms=%6.1f max-ms=%6.1f view/bare=%.1f",
                            role.getKey(), sample.getKey().replace(customerId, "{id}").replace(ticketId, "{id}"),
                            median, sample.getValue().stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                            median / bare));
                }
                browser.logout();
                browser.waitForText("#main .notice", "logged out");
            }
            lines.add(String.format(Locale.ROOT, "console first-load-bytes=%d through-first-view-bytes=%d "
                    + "slowest-view-median-ms=%.1f", firstLoad, throughFirstView, slowest));
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target/console-view-timings.txt"), lines);
        assertThat(lines).isNotEmpty();
    }

    /** Bytes the login page and everything it loads transfer, with an empty cache. */
    private static long firstLoadBytes(ConsoleBrowser browser, TestServer server) {
        ((ChromeDriver) browser.driver).executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.driver.get(server.uri("/").toString());
        browser.waitUntilNotBlank("#main h1");
        browser.waitUntil(d -> browser.script("return document.readyState").equals("complete") ? true : null);
        return browser.transferredBytes();
    }

    /** What the page has loaded so far: each resource with the bytes it transferred. */
    private static String resourcesLoaded(ConsoleBrowser browser, String when) {
        return "resources, " + when + ": " + browser.script("""
                return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                    .map(r => new URL(r.name).pathname + ' ' + r.transferSize).join(', ');
                """);
    }

    /** Milliseconds one view took to draw after an in-app route change (the console's own performance measure). */
    private static double draw(ConsoleBrowser browser, String route) {
        return ((Number) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const [route, done] = arguments;
                performance.clearMeasures();
                const drawn = () => {
                    const measure = performance.getEntriesByType('measure').find(m => m.name.startsWith('view '));
                    if (measure) done(measure.duration); else setTimeout(drawn, 5);
                };
                if (location.hash === '#' + route) window.dispatchEvent(new HashChangeEvent('hashchange'));
                else location.hash = route;
                drawn();
                """, route)).doubleValue();
    }

    private static double bareRouteMillis(ConsoleBrowser browser) {
        var samples = new ArrayList<Double>();
        for (int i = 0; i < 20; i++) {
            samples.add(((Number) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                    "const done = arguments[0]; const t0 = performance.now();"
                            + "fetch('/health').then(r => r.text()).then(() => done(performance.now() - t0));"))
                    .doubleValue());
        }
        return median(samples);
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
