package dev.rapport.server.metrics;

import dev.rapport.api.figures.PoolFigures;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.ticket.Priority;
import dev.rapport.core.Rapport;
import dev.rapport.api.figures.Figures;
import dev.rapport.server.RouteCatalog;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.MetricsConfig;
import io.helidon.metrics.api.MetricsFactory;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.metrics.providers.micrometer.MicrometerPrometheusFormatter;
import io.helidon.metrics.spi.MetersProvider;
import io.helidon.webserver.http.HttpRouting;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The meters {@code GET /metrics} shows, in a Helidon meter registry of this server's own (Micrometer behind it):
 * each request's time by route template, method and status class; the JVM's figures (Helidon's system meters); and
 * the SDK's {@link Figures}, read when scraped. docs/operations.md, "Metrics", lists every name. No label carries an
 * id, a path or anything a person typed.
 *
 * <p>Helidon's Micrometer provider keeps every meter in Micrometer's global registry: the meters belong to the JVM,
 * not to one server. A JVM runs one server in production; where it runs several one after the other (tests), the SDK
 * figures follow the server started last, and request counts add up over all of them.
 */
public final class ServerMetrics {
    /** Bucket bounds of the request-time histogram: from a cache hit to a slow report. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private record RequestKey(String route, String method, String status) {
    }

    /** The SDK whose figures the meters read: the one of the server started last in this JVM (see above). */
    private static final AtomicReference<Rapport> SERVED = new AtomicReference<>();
    /**
     * The JVM's registry, made and filled once: a second Helidon registry over Micrometer's global one would find
     * every meter already there and warn about each (WARNING "Unexpected discovery of unknown previously-created
     * meter").
     */
    private static MeterRegistry jvmRegistry;

    private final MeterRegistry registry;
    private final MicrometerPrometheusFormatter.Builder prometheus;
    private final ConcurrentMap<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    /** The meters of {@code rapport}'s figures and of this JVM (registered once per JVM, see above). */
    public ServerMetrics(Rapport rapport) {
        SERVED.set(rapport);
        this.registry = jvmRegistry();
        this.prometheus = MicrometerPrometheusFormatter.builder(registry);
    }

    /**
     * Starts making this JVM's registry on a thread of its own, so that a server's start-up does it while the storage
     * migrates and seeds: Helidon's metrics take a noticeable share of the time to ready. The first
     * {@code ServerMetrics} waits for it.
     */
    public static void prepare() {
        Thread.ofPlatform().daemon().name("rapport-metrics-setup").start(ServerMetrics::jvmRegistry);
    }

    private static synchronized MeterRegistry jvmRegistry() {
        if (jvmRegistry == null) {
            var factory = MetricsFactory.getInstance();
            var registry = factory.createMeterRegistry(MetricsConfig.create());
            ServiceLoader.load(MetersProvider.class).forEach(provider ->
                    provider.meterBuilders(factory).forEach(builder -> register(registry, builder)));
            figures(registry);
            jvmRegistry = registry;
        }
        return jvmRegistry;
    }

    /**
     * Registers, as the first filter of {@code routing}, the timing of every request: from the routing's first look
     * at it to its response being sent, labelled with the template of the route of {@code catalog} serving it.
     */
    public void timeRequests(HttpRouting.Builder routing, RouteCatalog catalog) {
        var labels = new RouteLabels(catalog);
        routing.addFilter((chain, req, res) -> {
            long start = System.nanoTime();
            String method = req.prologue().method().text();
            String path = req.path().absolute().path();
            res.whenSent(() -> requestTimer(new RequestKey(labels.template(method, path), RouteLabels.method(method),
                    res.status().code() / 100 + "xx")).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            chain.proceed();
        });
    }

    /** Every meter in Prometheus' text format (version 0.0.4). */
    public String scrape() {
        return prometheus.build().format().map(Object::toString).orElse("");
    }

    private Timer requestTimer(RequestKey key) {
        return requestTimers.computeIfAbsent(key, k -> registry.getOrCreate(Timer.builder("rapport.http.requests")
                .description("Requests answered, and the server's time for each: from routing to the response sent")
                .tags(List.of(Tag.create("route", k.route()), Tag.create("method", k.method()),
                        Tag.create("status", k.status())))
                .buckets(BUCKETS)
                // Buckets only: quantiles computed per node cannot be added up across nodes.
                .percentiles(new double[0])));
    }

    private static void figures(MeterRegistry registry) {
        for (Priority priority : Priority.values()) {
            var tag = List.of(Tag.create("priority", priority.name()));
            counter(registry, "rapport.tickets.opened", "Tickets opened, by priority", tag,
                    f -> f.counts().ticketsOpened().getOrDefault(priority, 0L));
            counter(registry, "rapport.tickets.closed", "Tickets closed, by priority", tag,
                    f -> f.counts().ticketsClosed().getOrDefault(priority, 0L));
        }
        counter(registry, "rapport.sla.warnings", "SLA warnings raised", List.of(), f -> f.counts().slaWarnings());
        counter(registry, "rapport.sla.breaches", "SLA breaches raised", List.of(), f -> f.counts().slaBreaches());
        counter(registry, "rapport.channel.messages.filed", "Customers' messages filed from the channels", List.of(),
                f -> f.counts().channelMessagesFiled());
        for (Figures.Refusal reason : Figures.Refusal.values()) {
            counter(registry, "rapport.logins.refused", "Logins refused, by reason", List.of(Tag.create("reason",
                    label(reason))), f -> f.counts().loginsRefused().getOrDefault(reason, 0L));
        }
        for (Figures.Outcome outcome : Figures.Outcome.values()) {
            counter(registry, "rapport.deliveries", "Delivery attempts whose outcome was recorded, by outcome",
                    List.of(Tag.create("outcome", label(outcome))),
                    f -> f.counts().deliveries().getOrDefault(outcome, 0L));
        }
        for (FollowUpKind kind : List.of(FollowUpKind.MAINTENANCE, FollowUpKind.RENEWAL)) {
            counter(registry, "rapport.care.unplanned",
                    "Customers the daily care planning left without a contact nobody could own, by kind",
                    List.of(Tag.create("kind", label(kind))), f -> f.counts().careUnplanned().getOrDefault(kind, 0L));
        }
        gauge(registry, "rapport.tickets.at.risk", "Open tickets past an SLA warning, before the deadline",
                f -> f.gauges().map(g -> (double) g.ticketsAtRisk()));
        gauge(registry, "rapport.tickets.overdue", "Open tickets past a running SLA deadline",
                f -> f.gauges().map(g -> (double) g.ticketsOverdue()));
        gauge(registry, "rapport.outbox.backlog",
                "Events still to deliver: not yet fanned out, plus pending deliveries",
                f -> f.gauges().map(g -> (double) g.backlog()));
        gauge(registry, "rapport.outbox.oldest.pending.seconds",
                "Age of the oldest event still to deliver; 0 when none",
                f -> f.gauges().map(g -> g.oldestPendingAge().map(a -> a.toMillis() / 1000.0).orElse(0.0)));
        gauge(registry, "rapport.dead.letters", "Deliveries given up, waiting for an administrator",
                f -> f.gauges().map(g -> (double) g.deadLetters()));
        pool(registry, "rapport.db.pool.active", "Database connections in use", PoolFigures::active);
        pool(registry, "rapport.db.pool.idle", "Database connections open and idle", PoolFigures::idle);
        pool(registry, "rapport.db.pool.max", "The most database connections the pool opens", PoolFigures::max);
        pool(registry, "rapport.db.pool.waiting", "Threads waiting for a database connection", PoolFigures::waiting);
    }

    private static void counter(MeterRegistry registry, String name, String description, List<Tag> tags,
                                ToLongFunction<Figures> count) {
        registry.getOrCreate(FunctionalCounter.builder(name, SERVED, r -> count.applyAsLong(r.get().figures()))
                .description(description).tags(tags));
    }

    /** A gauge that reads NaN while the storage cannot be read: "unknown", never a made-up zero. */
    private static void gauge(MeterRegistry registry, String name, String description,
                              Function<Figures, Optional<Double>> value) {
        ToDoubleFunction<AtomicReference<Rapport>> read = r -> value.apply(r.get().figures()).orElse(Double.NaN);
        registry.getOrCreate(Gauge.builder(name, SERVED, read).description(description));
    }

    private static void pool(MeterRegistry registry, String name, String description,
                             ToLongFunction<PoolFigures> value) {
        gauge(registry, name, description, f -> f.pool().map(p -> (double) value.applyAsLong(p)));
    }

    /** A builder of a type the provider knows (its meters are of any kind). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void register(MeterRegistry registry, Meter.Builder builder) {
        registry.getOrCreate(builder);
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
