package dev.rapport.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.core.Rapport;
import dev.rapport.server.apidocs.ApiDescription;
import dev.rapport.server.console.Console;
import dev.rapport.server.demo.DemoRoutes;
import dev.rapport.server.health.HealthRoutes;
import dev.rapport.server.health.Readiness;
import dev.rapport.server.http.ClientPatience;
import dev.rapport.server.http.ConnectionProblems;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.Json;
import dev.rapport.server.http.Problems;
import dev.rapport.server.http.RefusedBody;
import dev.rapport.server.http.RequestIds;
import dev.rapport.server.http.SecurityHeaders;
import dev.rapport.server.metrics.MetricsRoutes;
import dev.rapport.server.metrics.MetricsSettings;
import dev.rapport.server.metrics.ServerMetrics;
import dev.rapport.server.routes.AttachmentRoutes;
import dev.rapport.server.routes.AuthRoutes;
import dev.rapport.server.routes.CatalogRoutes;
import dev.rapport.server.routes.ChannelRoutes;
import dev.rapport.server.routes.CustomerActivityRoutes;
import dev.rapport.server.routes.CustomerRoutes;
import dev.rapport.server.routes.DeadLetterRoutes;
import dev.rapport.server.routes.ReportRoutes;
import dev.rapport.server.routes.DepartmentRoutes;
import dev.rapport.server.routes.PublicStatusRoutes;
import dev.rapport.server.routes.PublicSurveyRoutes;
import dev.rapport.server.routes.PublicWebFormRoutes;
import dev.rapport.server.routes.FollowUpRoutes;
import dev.rapport.server.routes.NoticeRoutes;
import dev.rapport.server.routes.ImprovementRoutes;
import dev.rapport.server.routes.SetAsideRoutes;
import dev.rapport.server.routes.SlaRoutes;
import dev.rapport.server.routes.SurveyRoutes;
import dev.rapport.server.routes.TicketRoutes;
import dev.rapport.server.routes.RoleRoutes;
import dev.rapport.server.routes.UserRoutes;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http1.Http1Config;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The HTTP face of one {@link Rapport}: routing shared by {@link Main} and the tests. */
public final class RapportServer {
    /** The survey provider plugin whose links point at this server's form. */
    public static final String SURVEY_LINK_PLUGIN = "link";
    private static final String SURVEYS = "rapport.surveys.";
    /** The name of the socket {@code GET /metrics} has when it has a port of its own. */
    public static final String MANAGEMENT = "management";
    private static final Pattern SURVEY_TYPE = Pattern.compile(Pattern.quote(SURVEYS) + "([^.]+)\\.type");

    private RapportServer() {
    }

    /**
     * The SDK settings with the web form of API.md answered: a {@code webform} channel instance unless the settings
     * configure one already (under any name).
     */
    public static Map<String, String> withWebForm(Map<String, String> sdkConfig) {
        boolean configured = sdkConfig.entrySet().stream().anyMatch(e -> e.getKey().startsWith("rapport.channels.")
                && e.getKey().endsWith(".type") && e.getValue().strip().equals(ChannelRoutes.WEBFORM_PLUGIN));
        var settings = new TreeMap<>(sdkConfig);
        if (!configured) {
            settings.putIfAbsent("rapport.channels.webform.type", ChannelRoutes.WEBFORM_PLUGIN);
        }
        return settings;
    }

    /**
     * The SDK settings with satisfaction surveys answered on this server (API.md's survey links): a {@code link}
     * survey provider named {@code link} unless the settings configure a survey provider already (under any name).
     * Every {@code link} instance gets what it leaves out: {@code base-url} from {@code publicUrl}, and {@code secret}
     * from {@code secret}, which is asked once, only if needed.
     */
    public static Map<String, String> withSurveyLinks(Map<String, String> sdkConfig, String publicUrl,
                                                      Supplier<String> secret) {
        var settings = new TreeMap<>(sdkConfig);
        var instances = new TreeMap<String, String>();
        sdkConfig.forEach((key, value) -> {
            var type = SURVEY_TYPE.matcher(key);
            if (type.matches()) {
                instances.put(type.group(1), value.strip());
            }
        });
        if (instances.isEmpty()) {
            instances.put(SURVEY_LINK_PLUGIN, SURVEY_LINK_PLUGIN);
            settings.put(SURVEYS + SURVEY_LINK_PLUGIN + ".type", SURVEY_LINK_PLUGIN);
        }
        var links = instances.entrySet().stream().filter(e -> e.getValue().equals(SURVEY_LINK_PLUGIN))
                .map(e -> SURVEYS + e.getKey() + ".").toList();
        links.forEach(prefix -> settings.putIfAbsent(prefix + "base-url", publicUrl));
        var withoutSecret = links.stream().filter(prefix -> !settings.containsKey(prefix + "secret")).toList();
        if (!withoutSecret.isEmpty()) {
            String value = secret.get();
            withoutSecret.forEach(prefix -> settings.put(prefix + "secret", value));
        }
        return settings;
    }

    /**
     * The SDK settings with customers' status links pointing at this server: {@code rapport.status-links.base-url}
     * from {@code publicUrl} unless the settings give one.
     */
    public static Map<String, String> withStatusLinks(Map<String, String> sdkConfig, String publicUrl) {
        var settings = new TreeMap<>(sdkConfig);
        settings.putIfAbsent("rapport.status-links.base-url", publicUrl);
        return settings;
    }

    /** Every route of API.md that exists so far, and the problem+json mapping of every failure. */
    public static void routing(HttpRouting.Builder routing, Rapport rapport, long maxJsonBytes) {
        routing(routing, rapport, maxJsonBytes, Optional.empty());
    }

    /**
     * Every route, plus in demo mode the demo routes.
     *
     * @param demoClock in demo mode, moves the clock the SDK reads forward and returns the new now
     */
    public static void routing(HttpRouting.Builder routing, Rapport rapport, long maxJsonBytes,
                               Optional<Function<Duration, Instant>> demoClock) {
        routing(routing, rapport, maxJsonBytes, demoClock, UnaryOperator.identity());
    }

    /** The same, with every request body's reads passing through {@code bodyReads} (see {@link ClientPatience}). */
    static void routing(HttpRouting.Builder routing, Rapport rapport, long maxJsonBytes,
                        Optional<Function<Duration, Instant>> demoClock, UnaryOperator<InputStream> bodyReads) {
        routing(routing, rapport, maxJsonBytes, demoClock, bodyReads, new ServerMetrics(rapport),
                MetricsSettings.ON_API_PORT, new Readiness());
    }

    /**
     * The same, with requests timed in {@code metrics}, {@code GET /metrics} here unless it has a port of its own, and
     * {@code GET /health/ready} answering 503 once {@code readiness} says the node is shutting down.
     */
    static void routing(HttpRouting.Builder routing, Rapport rapport, long maxJsonBytes,
                        Optional<Function<Duration, Instant>> demoClock, UnaryOperator<InputStream> bodyReads,
                        ServerMetrics metrics, MetricsSettings metricsSettings, Readiness readiness) {
        var mapper = Json.mapper();
        var http = new Exchange(mapper, rapport.authentication(), maxJsonBytes, bodyReads);
        Optional<MetricsRoutes> metricsRoute = metricsSettings.port().isEmpty()
                ? Optional.of(new MetricsRoutes(metrics::scrape, metricsSettings.token())) : Optional.empty();
        var catalog = RouteCatalog.of(rules -> api(rules, rapport, http, mapper, demoClock, metricsRoute, readiness));
        metrics.timeRequests(routing, catalog);
        var problems = new Problems(mapper, catalog);
        RefusedBody.registerDrain(routing);
        RequestIds.register(routing);
        problems.register(routing);
        SecurityHeaders.register(routing, "/api/", PublicSurveyRoutes.PAGE_PATH + "/", PublicStatusRoutes.PAGE_PATH + "/");
        RoutePermissions.of(catalog).register(routing, http);
        api(routing, rapport, http, mapper, demoClock, metricsRoute, readiness);
        ApiDescription.registerAssets(routing);
        Console.register(routing, mapper);
        routing.any(problems::notFound);
    }

    /** Every route of the API (as {@link #routing} serves it), without the console's static files. */
    public static RouteCatalog routes(Rapport rapport, boolean demo) {
        var mapper = Json.mapper();
        var http = new Exchange(mapper, rapport.authentication(), 1, UnaryOperator.identity());
        Optional<Function<Duration, Instant>> demoClock = demo ? Optional.of(d -> Instant.EPOCH) : Optional.empty();
        return RouteCatalog.of(rules -> api(rules, rapport, http, mapper, demoClock,
                Optional.of(new MetricsRoutes(() -> "", Optional.empty())), new Readiness()));
    }

    /**
     * The management socket's routing when {@code GET /metrics} has a port of its own: that route alone, with the
     * same problem+json answers as the API.
     */
    private static void management(HttpRouting.Builder routing, ServerMetrics metrics, MetricsSettings settings) {
        var route = new MetricsRoutes(metrics::scrape, settings.token());
        var problems = new Problems(Json.mapper(), RouteCatalog.of(rules -> rules.register(route)));
        problems.register(routing);
        routing.register(route);
        routing.any(problems::notFound);
    }

    private static void api(HttpRules routing, Rapport rapport, Exchange http, ObjectMapper mapper,
                            Optional<Function<Duration, Instant>> demoClock, Optional<MetricsRoutes> metrics,
                            Readiness readiness) {
        var publicSurveys = new PublicSurveyRoutes(rapport.surveys(), rapport.zone(), http);
        var publicStatus = new PublicStatusRoutes(rapport.customerStatus(), rapport.zone(), http);
        var roles = new RoleRoutes(rapport.roles(), http);
        var health = new HealthRoutes(rapport::isHealthy, readiness, http);
        routing.get("/health", (req, res) -> {
                    boolean up = rapport.isHealthy();
                    http.send(res, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
                })
                .get("/health/live", health::live)
                .get("/health/ready", health::ready)
                .register("/api/v1/auth", new AuthRoutes(rapport.authentication(), rapport.users(), rapport.clock(),
                        rapport.zone(), http))
                .register("/api/v1/customers", new CustomerRoutes(rapport.customers(), http),
                        new CustomerActivityRoutes(rapport.interactions(), rapport.purchases(), rapport.timeline(), http))
                .register("/api/v1/tickets", new TicketRoutes(rapport.tickets(), http),
                        new AttachmentRoutes(rapport.attachments(), http),
                        ChannelRoutes.conversations(rapport.inbox(), http))
                .register("/api/v1/public", new ChannelRoutes(rapport.inbox(), http), publicSurveys, publicStatus)
                .register(PublicSurveyRoutes.PAGE_PATH, publicSurveys.pages())
                .register(PublicStatusRoutes.PAGE_PATH, publicStatus.pages())
                .register(PublicWebFormRoutes.PAGE_PATH, PublicWebFormRoutes.page(rapport.inbox(), rapport.clock(), http))
                .register("/api/v1/surveys", new SurveyRoutes(rapport.surveys(), http))
                .register("/api/v1/users", new UserRoutes(rapport.users(), rapport.roles(), http))
                .register("/api/v1/roles", roles)
                .register("/api/v1/permissions", roles.permissions())
                .register("/api/v1/departments", new DepartmentRoutes(rapport.departments(), http))
                .register("/api/v1/catalog", new CatalogRoutes(rapport.ticketTypes(), rapport.customers(), http))
                .register("/api/v1/sla", new SlaRoutes(rapport.slaSettings(), http))
                .register("/api/v1/follow-ups", new FollowUpRoutes(rapport.followUps(), http))
                .register("/api/v1/me/notifications", new NoticeRoutes(rapport.notices(), http))
                .register("/api/v1/admin/dead-letters", new DeadLetterRoutes(rapport.deadLetters(), http))
                .register("/api/v1/admin/channels/set-aside", new SetAsideRoutes(rapport.inbox(), http))
                .register("/api/v1/improvements", new ImprovementRoutes(rapport.improvements(), http))
                .register("/api/v1/reports", new ReportRoutes(rapport.reports(), http));
        demoClock.ifPresent(advance -> routing.register("/api/v1/demo", new DemoRoutes(rapport, advance, http)));
        metrics.ifPresent(routing::register);
        // GET /openapi and GET /api-docs; a route added above belongs in apidocs/openapi.yaml too (ApiDescriptionTest).
        routing.register(ApiDescription.load());
    }

    /**
     * Starts a server on {@code port} (0: any free port). Helidon's own {@code max-payload-size} stays unlimited (its
     * default): JSON bodies are limited by {@code maxJsonBytes}, attachments by the SDK's attachment limit, both
     * while streaming.
     */
    public static WebServer start(Rapport rapport, int port, long maxJsonBytes) {
        return start(rapport, port, maxJsonBytes, Optional.empty());
    }

    /** Starts a server, in demo mode when {@code demoClock} is given (see {@link #routing}). */
    public static WebServer start(Rapport rapport, int port, long maxJsonBytes,
                                  Optional<Function<Duration, Instant>> demoClock) {
        return start(rapport, port, maxJsonBytes, demoClock, ServerOptions.DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * Starts a server that closes a connection once its client has kept it waiting for {@code idleTimeout}: idle
     * between requests, or stalled within a request line, headers or body. Errors of the connection layer (a request
     * line or headers too long, malformed HTTP) are answered as problem+json too.
     */
    public static WebServer start(Rapport rapport, int port, long maxJsonBytes,
                                  Optional<Function<Duration, Instant>> demoClock, Duration idleTimeout) {
        return start(rapport, port, maxJsonBytes, demoClock, idleTimeout, MetricsSettings.ON_API_PORT);
    }

    /**
     * Starts a server with {@code GET /metrics} where {@code metrics} says: on the API's port, or alone on a
     * management socket named {@value #MANAGEMENT} ({@code server.port(MANAGEMENT)} tells its port).
     */
    public static WebServer start(Rapport rapport, int port, long maxJsonBytes,
                                  Optional<Function<Duration, Instant>> demoClock, Duration idleTimeout,
                                  MetricsSettings metrics) {
        return start(rapport, port, maxJsonBytes, demoClock, idleTimeout, metrics, new Readiness(),
                Duration.ofSeconds(5));
    }

    /**
     * The same, with {@code GET /health/ready} answering 503 once {@code readiness} says the node is shutting down,
     * and {@link WebServer#stop()} waiting up to {@code shutdownGrace} for the requests in flight.
     */
    public static WebServer start(Rapport rapport, int port, long maxJsonBytes,
                                  Optional<Function<Duration, Instant>> demoClock, Duration idleTimeout,
                                  MetricsSettings metrics, Readiness readiness, Duration shutdownGrace) {
        var patience = new ClientPatience(idleTimeout);
        var meters = new ServerMetrics(rapport);
        var server = WebServer.builder();
        metrics.port().ifPresent(managementPort -> server.putSocket(MANAGEMENT, socket -> socket.port(managementPort)
                .routing(r -> management(r, meters, metrics))));
        return server
                .port(port)
                // Our own shutdown (GracefulShutdown) stops the server in order, readiness first.
                .shutdownHook(false)
                .shutdownGracePeriod(shutdownGrace)
                // Helidon's own check, for connections idle between requests or within a request line; it runs a
                // few times per timeout (its clock ticks in whole seconds, so a close may come a second late).
                .idleConnectionTimeout(idleTimeout)
                .idleConnectionPeriod(max(Duration.ofMillis(100), idleTimeout.dividedBy(4)))
                .directHandlers(ConnectionProblems.handlers(Json.mapper()))
                // Hands the parser's reason to ConnectionProblems, which tells 431 from 400 by it; the reason is
                // never echoed to the client (ConnectionProblems words every answer itself).
                .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                .addProtocol(Http1Config.builder().addReceiveListener(patience).build())
                .routing(r -> routing(r, rapport, maxJsonBytes, demoClock, patience::body, meters, metrics, readiness))
                .build()
                .start();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
