package dev.rapport.core;

import dev.rapport.api.Money;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.sla.SlaPolicy;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.ticket.Inbox;
import dev.rapport.core.PhoneNumberRule;
import dev.rapport.core.internal.customer.ReadingsBackfill;
import dev.rapport.core.internal.followup.FollowUpSettings;
import dev.rapport.core.internal.improvement.SuggestionSettings;
import dev.rapport.core.internal.plugin.LoadedPlugin;
import dev.rapport.core.internal.plugin.PluginDirectory;
import dev.rapport.core.internal.plugin.PluginDiscovery;
import dev.rapport.core.ReviewThresholds;
import dev.rapport.core.internal.security.LoginThrottle;
import dev.rapport.core.internal.security.PasswordHasher;
import dev.rapport.core.ServiceRecovery;
import dev.rapport.core.internal.ticket.AttachmentLimits;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Configures and builds a {@link Rapport}. Without any storage setting: an in-memory H2 database. Without
 * {@code rapport.blobs.type} and {@code rapport.blobs.directory}: attachments in the database on PostgreSQL
 * (shared by every node), and on H2 in a fresh directory under {@code java.io.tmpdir} that
 * {@link Rapport#close()} deletes, which suits tests and demos; give a directory for anything to keep.
 */
public final class RapportBuilder {
    /** The media types attachments may have by default: office documents, PDF, text, images, e-mails, ZIP. */
    public static final Set<String> DEFAULT_ATTACHMENT_TYPES = AttachmentLimits.DEFAULT_CONTENT_TYPES;
    /** The largest attachment by default: 25 MiB. */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = AttachmentLimits.DEFAULT_MAX_BYTES;

    Clock clock = Clock.systemUTC();
    Clock deliveryClock;
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    final Map<String, String> config = new TreeMap<>();
    final Map<Class<?>, Object> hostObjects = new HashMap<>();
    final List<PluginFactory<?>> factories = new ArrayList<>();
    final List<PluginFactory<?>> loaderFactories = new ArrayList<>();
    /** The plugin directory's, whose class loaders the Rapport built closes last. */
    final List<LoadedPlugin> loadedPlugins = new ArrayList<>();
    final List<DomainEventListener> listeners = new ArrayList<>();
    final Map<String, Notifier> notifiers = new LinkedHashMap<>();
    final Map<String, Channel> channels = new LinkedHashMap<>();
    final Map<String, SurveyProvider> surveyProviders = new LinkedHashMap<>();
    ServiceRecovery serviceRecovery;
    boolean pollChannels = true;
    ReviewThresholds reviewThresholds;
    boolean discoverPlugins = true;
    AttachmentLimits attachmentLimits = AttachmentLimits.defaults();
    Set<String> industries = new LinkedHashSet<>(List.of("Manufacturing", "Retail", "Wholesale",
            "Technology", "Telecommunications", "Finance", "Healthcare", "Education", "Logistics", "Energy",
            "Construction", "Government", "Hospitality", "Other"));
    PhoneNumberRule phones = PhoneNumberRule.mainlandOrE164();
    SlaPolicy slaPolicy = SlaPolicy.defaults();
    Duration sessionTtl = Duration.ofHours(8);
    Duration slaScanInterval = Duration.ofSeconds(15);
    FollowUpPlan followUpPlan = FollowUpPlan.standard();
    Duration followUpScanInterval = FollowUpSettings.DEFAULT_SCAN_INTERVAL;
    Duration readingsBackfillInterval = ReadingsBackfill.INTERVAL;
    Money keyAccountThreshold = Money.of("500000", "CNY");
    SuggestionSettings suggestions = SuggestionSettings.standard();
    LoginThrottlePolicy loginThrottle = LoginThrottlePolicy.DEFAULT;
    /** Published passwords' hashes made ahead, by password: {@link #publishedPassword(String, String)}. */
    final Map<String, String> publishedPasswords = new HashMap<>();

    RapportBuilder() {
    }

    /**
     * Where the monthly review flags a weak point; overrides the {@value ReviewThresholds#PREFIX} keys. Default:
     * {@link ReviewThresholds#standard()}.
     */
    public RapportBuilder reviewThresholds(ReviewThresholds thresholds) {
        this.reviewThresholds = Objects.requireNonNull(thresholds, "thresholds");
        return this;
    }

    /** The time source of every rule; tests and demos pass a controllable one. Default: system UTC. */
    public RapportBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The time source of event delivery: when a retry falls due, and how long a node's claim on a delivery lasts.
     * Default: the {@linkplain #clock(Clock) rule clock}. A server whose rule clock can be moved forward (a demo)
     * keeps delivery on real time: nodes whose moved clocks disagree would otherwise each take the other's claims
     * for lapsed ones, and deliver the same events twice.
     */
    public RapportBuilder deliveryClock(Clock clock) {
        this.deliveryClock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The business time zone: where the rules' days and months begin (the year in codes and numbers, due days, the
     * reports' default periods), and the zone a host shows times in ({@link Rapport#zone()}). Default Asia/Shanghai.
     */
    public RapportBuilder zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /** Keeps data in this database (H2 or PostgreSQL), through the JDBC storage. The host owns the pool. */
    public RapportBuilder dataSource(DataSource dataSource) {
        hostObjects.put(DataSource.class, Objects.requireNonNull(dataSource, "dataSource"));
        return this;
    }

    /** Keeps data in the database at this JDBC URL, e.g. {@code jdbc:postgresql://db/rapport} or {@code jdbc:h2:./data/rapport}. */
    public RapportBuilder jdbcUrl(String url) {
        return config(Assembly.STORAGE_PREFIX + "url", url);
    }

    public RapportBuilder jdbcCredentials(String user, String password) {
        config(Assembly.STORAGE_PREFIX + "user", user);
        return config(Assembly.STORAGE_PREFIX + "password", password);
    }

    /**
     * A flat configuration key such as {@code rapport.storage.type} (default {@code jdbc}) or
     * {@code rapport.storage.maximum-pool-size}, or {@code rapport.blobs.type} (default {@code jdbc} on
     * PostgreSQL, else {@code filesystem}) and {@code rapport.blobs.directory} for attachments, {@code rapport.notifiers.<name>.type} and the
     * instance's own keys for a notifier, {@code rapport.events.*} for event delivery,
     * {@code rapport.surveys.<name>.type} with the provider's keys and {@code rapport.surveys.validity} for
     * satisfaction surveys, {@code rapport.follow-ups.*} for the follow-up plan, {@code rapport.improvements.*}
     * for improvement suggestions, {@code rapport.status-links.*} for customers' status links, or
     * {@code rapport.reports.*} for the monthly review's thresholds
     * (docs/embedding.md and docs/operations.md list them). Unknown keys fail
     * {@link #build()}.
     */
    public RapportBuilder config(String key, String value) {
        config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
        return this;
    }

    public RapportBuilder config(Map<String, String> values) {
        values.forEach(this::config);
        return this;
    }

    /** Uses this factory, replacing a discovered one with the same id. */
    public RapportBuilder factory(PluginFactory<?> factory) {
        factories.add(Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /**
     * Also uses the plugin factories {@code loader} provides through ServiceLoader ({@code META-INF/services}),
     * of every extension point: for a plugin in a class loader of its own, e.g. one per jar of a plugins
     * directory, so that plugins can bring different versions of one library. They are used as if each were
     * given to {@link #factory(PluginFactory)}, so they replace a factory found on the class path with the same
     * id, and a factory given with {@link #factory(PluginFactory)} replaces them; they are used even when
     * {@link #discoverPlugins(boolean) discovery} is off.
     *
     * @throws PluginConfigException when the loader's service files or factories cannot be loaded, or two
     *                               factories of one extension point share an id, in this loader or in it and
     *                               one given before
     */
    public RapportBuilder pluginLoader(ClassLoader loader) {
        addLoaderFactories(PluginDiscovery.factories(Objects.requireNonNull(loader, "loader")));
        return this;
    }

    /**
     * Loads every plugin in {@code directory}, each in a class loader of its own, as with
     * {@link #pluginLoader(ClassLoader)}. A plugin is a {@code .jar} file, or a subdirectory holding the
     * {@code .jar} files of one plugin and its libraries (loaded together); hidden entries are skipped. A plugin
     * sees the JDK, the SDK API ({@code dev.rapport.api.*}) and its own jars, nothing of the host, so two plugins
     * may bring different versions of one library. Each loaded plugin is logged with its factories. The Rapport
     * built closes their class loaders last when it closes, releasing the jars.
     *
     * @throws PluginConfigException with a problem {@code <path>: <reason>} for each plugin that is not a readable
     *                               jar, has a malformed service file, names a factory class that is missing or
     *                               cannot be instantiated, provides no factory, or provides an id that another
     *                               plugin or the class path already has for the same extension point
     */
    public RapportBuilder pluginDirectory(Path directory) {
        var loaded = PluginDirectory.load(Objects.requireNonNull(directory, "directory"),
                Thread.currentThread().getContextClassLoader());
        loaded.forEach(plugin -> addLoaderFactories(plugin.factories()));
        loadedPlugins.addAll(loaded);
        return this;
    }

    private void addLoaderFactories(List<PluginFactory<?>> found) {
        PluginDiscovery.refuseSharedIds(loaderFactories, found);
        loaderFactories.addAll(found);
        // In front of the explicit factories: a later one with the same id wins, and explicit ones must win.
        factories.addAll(0, found);
    }

    /** Whether to find plugin factories with ServiceLoader (default true). */
    public RapportBuilder discoverPlugins(boolean discover) {
        this.discoverPlugins = discover;
        return this;
    }

    /** The industries a customer may be in (SPEC §3: a configurable list). */
    public RapportBuilder industries(Set<String> industries) {
        if (industries.isEmpty()) {
            throw new IllegalArgumentException("at least one industry is needed");
        }
        this.industries = new LinkedHashSet<>(industries);
        return this;
    }

    /** The region's phone-number rule. Default: mainland mobile or E.164. */
    public RapportBuilder phoneNumbers(PhoneNumberRule rule) {
        this.phones = Objects.requireNonNull(rule, "rule");
        return this;
    }

    /** The SLA policy a new database starts with; afterwards it is edited through {@link Rapport#slaSettings()}. */
    public RapportBuilder slaPolicy(SlaPolicy policy) {
        this.slaPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * How often the SLA monitor looks for due warnings and breaches. Default 15 s; zero turns the background scan
     * off, leaving {@link Rapport#runDueWork()} to the host.
     */
    public RapportBuilder slaScanInterval(Duration interval) {
        this.slaScanInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * When follow-ups are planned and who owns them (SPEC §6). Default {@link FollowUpPlan#standard()}: days 3, 7
     * and 30 after closure, quarterly (HIGH) and monthly (MEDIUM) maintenance, renewal 30 days ahead. Keys under
     * {@code rapport.follow-ups.} change it further.
     */
    public RapportBuilder followUpPlan(FollowUpPlan plan) {
        this.followUpPlan = Objects.requireNonNull(plan, "plan");
        return this;
    }

    /**
     * How often follow-ups are checked for falling due or overdue (and, once a day, maintenance and renewal ones
     * planned). Default 1 minute; zero turns the background scan off, leaving {@link Rapport#runDueWork()} to the
     * host.
     */
    public RapportBuilder followUpScanInterval(Duration interval) {
        this.followUpScanInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * How often customers stored without their pinyin search readings (before readings existed) are looked for and
     * given them, a bounded batch per transaction on a daemon thread. Default 5 seconds; zero turns the background
     * fill off, leaving {@link Rapport#runDueWork()} to the host.
     */
    public RapportBuilder readingsBackfillInterval(Duration interval) {
        this.readingsBackfillInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /** Cumulative purchases at which a customer becomes a key account (SPEC §3). Default 500,000 CNY. */
    public RapportBuilder keyAccountThreshold(Money threshold) {
        this.keyAccountThreshold = Objects.requireNonNull(threshold, "threshold");
        return this;
    }

    /**
     * When tickets of one type and tag suggest an improvement (SPEC §6): at least {@code threshold} distinct
     * customers within {@code window}. Default 3 within 30 days; the keys
     * {@code rapport.improvements.suggestion-threshold} and {@code rapport.improvements.suggestion-window}
     * override it.
     *
     * @throws IllegalArgumentException for a threshold below 2 or a window that is not positive
     */
    public RapportBuilder improvementSuggestions(int threshold, Duration window) {
        this.suggestions = new SuggestionSettings(threshold, window);
        return this;
    }

    /** How long a login token lasts. Default 8 hours. */
    public RapportBuilder sessionTtl(Duration ttl) {
        this.sessionTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /**
     * How failed logins are slowed down: per employee id and client address, counted in the database so that all
     * nodes share the counts. Default {@link LoginThrottlePolicy#DEFAULT}: 3 free failures, then a delay of 2 s
     * doubling up to 15 min; 50 failures per address and hour.
     */
    public RapportBuilder loginThrottle(LoginThrottlePolicy policy) {
        this.loginThrottle = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * A published password and its hash made ahead, for seeding many users who share that password (a demo or a
     * training installation whose password everyone is told): users created with {@code password}, and temporary
     * passwords set to it, store {@code hash} instead of a new Argon2id hash with its own salt, so creating them
     * computes no hash (each is
     * memory-hard by design: 19 MiB and a noticeable share of a start-up). Every other password, and every password a
     * user chooses, is hashed on its own as usual. Anyone reading the stored hashes sees which users share this one,
     * so never use it for a password that is not public.
     *
     * <p>{@code hash} must be one the SDK's hasher made for {@code password}: an Argon2id hash with its parameters
     * ({@code $argon2id$v=19$m=19456,t=2,p=1$...}, 32 bytes), such as the stored hash of a user created with that
     * password. The parameters are checked here; whether the hash matches the password is not (that would cost the
     * hash this saves), and with one that does not, those users cannot sign in with the password.
     *
     * @throws IllegalArgumentException when {@code hash} is not an Argon2id hash with the SDK's parameters
     */
    public RapportBuilder publishedPassword(String password, String hash) {
        Objects.requireNonNull(password, "password");
        if (!PasswordHasher.isOwnHash(Objects.requireNonNull(hash, "hash"))) {
            throw new IllegalArgumentException("the hash of a published password must be an Argon2id hash with the "
                    + "SDK's parameters ($argon2id$v=19$m=19456,t=2,p=1$..., 32 bytes)");
        }
        publishedPasswords.put(password, hash);
        return this;
    }

    /**
     * How large attachments may be and which media types they may have (without parameters, e.g.
     * {@code application/pdf}). Default: 25 MiB of {@link #DEFAULT_ATTACHMENT_TYPES}.
     *
     * @throws IllegalArgumentException when {@code maxBytes} is below 1, no type is given, or one is malformed
     */
    public RapportBuilder attachmentLimits(long maxBytes, Set<String> allowedContentTypes) {
        this.attachmentLimits = new AttachmentLimits(maxBytes, allowedContentTypes);
        return this;
    }

    /**
     * Whether polling channels are read in the background, each at its {@code poll-interval} (default true). Off,
     * the host reads them with {@link Inbox#pollNow()}, e.g. a test that drives time itself.
     */
    public RapportBuilder pollChannels(boolean inBackground) {
        this.pollChannels = inBackground;
        return this;
    }

    /**
     * Files messages from {@code channel} as well, as the channel {@code name} (kebab-case): a channel the host built
     * in code rather than configured with {@code rapport.channels.<name>.type}. It may still set the SDK's keys of a
     * channel ({@code rapport.channels.<name>.ticket-type}, {@code .poll-interval}, …). The host closes it.
     */
    public RapportBuilder channel(String name, Channel channel) {
        channels.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(channel, "channel"));
        return this;
    }

    /** Receives every domain event from the start, including those a crash left undelivered. */
    public RapportBuilder listener(DomainEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Delivers every event to {@code notifier} as well, as the subscriber {@code name} (kebab-case): a notifier the
     * host built in code rather than configured with {@code rapport.notifiers.<name>.type}. Its delivery settings
     * ({@code rapport.notifiers.<name>.timeout}, {@code .max-attempts}, {@code .backoff-base},
     * {@code .backoff-cap}) may still be configured. The SDK closes it when it closes.
     */
    public RapportBuilder notifier(String name, Notifier notifier) {
        notifiers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(notifier, "notifier"));
        return this;
    }

    /**
     * Issues survey invitations through {@code provider} as well, as the instance {@code name} (kebab-case): a
     * provider the host built in code rather than configured with {@code rapport.surveys.<name>.type}. Its delivery
     * settings ({@code rapport.surveys.<name>.timeout}, {@code .max-attempts}, {@code .backoff-base},
     * {@code .backoff-cap}) may still be configured. The SDK closes it when it closes.
     */
    public RapportBuilder surveyProvider(String name, SurveyProvider provider) {
        surveyProviders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /**
     * What happens when a survey answer calls for service recovery (a score of 2 or less), inside the answer's
     * transaction. Default: a SERVICE_RECOVERY follow-up for a supervisor of the ticket's department (or, when no
     * one can own it, an audit entry {@code survey.recovery-needed} on the ticket).
     */
    public RapportBuilder serviceRecovery(ServiceRecovery recovery) {
        this.serviceRecovery = Objects.requireNonNull(recovery, "recovery");
        return this;
    }

    /**
     * Creates the storage (migrating its schema), the notifiers, the channels, the survey providers, the services and
     * the event delivery, and starts delivering and reading the channels.
     *
     * @throws PluginConfigException listing every configuration problem
     */
    public Rapport build() {
        return new Assembly(this).build();
    }
}
