package dev.rapport.core;

import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.notice.Notices;
import dev.rapport.api.ticket.Inbox;
import dev.rapport.core.channel.ChannelInbox;
import dev.rapport.core.channel.ChannelInstance;
import dev.rapport.core.channel.ChannelReplies;
import dev.rapport.core.channel.ConfiguredChannels;
import java.util.stream.Collectors;
import dev.rapport.api.Money;
import dev.rapport.api.customer.CustomerTimeline;
import dev.rapport.api.customer.Customers;
import dev.rapport.api.customer.Interactions;
import dev.rapport.api.customer.Purchases;
import dev.rapport.api.event.DeadLetters;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.api.improvement.Improvements;
import dev.rapport.api.report.Reports;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.followup.FollowUps;
import dev.rapport.api.security.Authentication;
import dev.rapport.api.security.Departments;
import dev.rapport.api.security.Roles;
import dev.rapport.api.security.Users;
import dev.rapport.api.sla.SlaPolicy;
import dev.rapport.api.sla.SlaSettings;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.status.CustomerStatus;
import dev.rapport.api.survey.Surveys;
import dev.rapport.api.ticket.Attachments;
import dev.rapport.api.ticket.TicketTypes;
import dev.rapport.api.ticket.Tickets;
import dev.rapport.core.customer.CustomerRules;
import dev.rapport.core.customer.CustomerMerge;
import dev.rapport.core.customer.CustomerService;
import dev.rapport.core.customer.InteractionService;
import dev.rapport.core.customer.PhoneNumberRule;
import dev.rapport.core.customer.PurchaseService;
import dev.rapport.core.customer.TimelineService;
import dev.rapport.core.event.DeadLetterService;
import dev.rapport.core.event.EventDelivery;
import dev.rapport.core.event.EventSettings;
import dev.rapport.core.followup.FollowUpScan;
import dev.rapport.core.followup.FollowUpService;
import dev.rapport.core.followup.FollowUpSettings;
import dev.rapport.core.followup.RecoveryFollowUp;
import dev.rapport.core.improvement.ImprovementService;
import dev.rapport.core.notice.NoticeService;
import dev.rapport.core.improvement.SuggestionRule;
import dev.rapport.core.improvement.SuggestionSettings;
import dev.rapport.core.plugin.ConfiguredBlobStore;
import dev.rapport.core.plugin.ConfiguredNotifiers;
import dev.rapport.core.plugin.PluginCatalog;
import dev.rapport.core.plugin.LoadedPlugin;
import dev.rapport.core.plugin.PluginDirectory;
import dev.rapport.core.plugin.PluginDiscovery;
import dev.rapport.core.plugin.Plugins;
import dev.rapport.core.report.ReportService;
import dev.rapport.core.report.ReviewThresholds;
import dev.rapport.core.routing.TicketRouter;
import dev.rapport.core.security.AuthenticationService;
import dev.rapport.core.security.DepartmentService;
import dev.rapport.core.security.LoginThrottle;
import dev.rapport.core.security.PasswordHasher;
import dev.rapport.core.security.RoleService;
import dev.rapport.core.security.SessionCache;
import dev.rapport.core.security.UserService;
import dev.rapport.core.status.StatusLinkSettings;
import dev.rapport.core.status.StatusLinks;
import dev.rapport.core.status.StatusService;
import dev.rapport.core.survey.ConfiguredSurveyProviders;
import dev.rapport.core.survey.ServiceRecovery;
import dev.rapport.core.survey.SurveyIssuing;
import dev.rapport.core.survey.SurveyService;
import dev.rapport.core.survey.SurveySettings;
import dev.rapport.core.sla.SlaSettingsService;
import dev.rapport.core.ticket.AfterClosure;
import dev.rapport.core.ticket.CustomerReplies;
import dev.rapport.core.ticket.AutoAssignment;
import dev.rapport.core.ticket.SlaMonitor;
import dev.rapport.core.ticket.TicketCatalog;
import dev.rapport.core.ticket.AttachmentLimits;
import dev.rapport.core.ticket.AttachmentService;
import dev.rapport.core.ticket.TicketService;
import dev.rapport.core.ticket.TicketTypeService;

import dev.rapport.api.ticket.SlaWatch;
import dev.rapport.api.figures.Figures;
import dev.rapport.core.figures.Tally;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The SDK: what a host application builds once and calls from any thread.
 *
 * <pre>{@code
 * try (Rapport rapport = Rapport.builder().build()) {          // embedded in-memory H2
 *     Customer c = rapport.customers().create(Actor.system(), profile);
 * }
 * Rapport.builder().dataSource(postgres).clock(clock).build();  // PostgreSQL, controlled time
 * }</pre>
 */
public final class Rapport implements AutoCloseable {
    private static final String STORAGE_PREFIX = "rapport.storage.";
    private static final List<String> PREFIXES = List.of(STORAGE_PREFIX, ConfiguredBlobStore.PREFIX,
            ConfiguredNotifiers.PREFIX, ConfiguredChannels.PREFIX, EventSettings.PREFIX, SurveySettings.PREFIX,
            ReviewThresholds.PREFIX, FollowUpSettings.PREFIX, SuggestionSettings.PREFIX, StatusLinkSettings.PREFIX);
    /** How long {@link #figures()} keeps the gauges it read: a scrape every second costs one read per 5 s. */
    private static final Duration GAUGE_AGE = Duration.ofSeconds(5);

    private final Clock clock;
    private final Storage storage;
    private final EventDelivery delivery;
    private final DeadLetterService deadLetters;
    private final CustomerService customers;
    private final TicketService tickets;
    private final UserService users;
    private final RoleService roles;
    private final DepartmentService departments;
    private final AuthenticationService authentication;
    private final TicketTypeService ticketTypes;
    private final InteractionService interactions;
    private final PurchaseService purchases;
    private final TimelineService timeline;
    private final BlobStore blobs;
    private final AttachmentService attachments;
    private final SlaSettingsService slaSettings;
    private final SlaMonitor slaMonitor;
    private final FollowUpService followUps;
    private final FollowUpScan followUpScan;
    private final ChannelInbox inbox;
    private final ReportService reports;
    private final ImprovementService improvements;
    private final NoticeService notices;

    private final SurveyService surveys;
    private final StatusService customerStatus;
    private final Tally tally;
    private final List<LoadedPlugin> pluginLoaders;
    private final ShortCache<Optional<Figures.Gauges>> gauges = new ShortCache<>(GAUGE_AGE);

    private Rapport(Builder b, Storage storage, BlobStore blobs, Clock clock, EventDelivery delivery, Tally tally,
                    List<ChannelInstance> channels, SurveySettings surveySettings, Optional<String> surveyIssuer,
                    FollowUpSettings followUpSettings, ReviewThresholds thresholds, SuggestionSettings suggestions,
                    StatusLinkSettings statusLinkSettings) {
        this.clock = b.clock;
        this.pluginLoaders = List.copyOf(b.loadedPlugins);
        this.storage = storage;
        this.blobs = blobs;
        this.delivery = delivery;
        this.tally = tally;
        b.listeners.forEach(delivery::subscribe);
        var transactions = new Transactions(storage, delivery::signal, tally);
        var ids = new IdGenerator(clock);
        var passwords = new PasswordHasher();

        this.slaSettings = new SlaSettingsService(transactions, clock, b.slaPolicy);
        var assignment = new AutoAssignment();
        var catalog = new TicketCatalog();
        var replying = channels.stream().filter(c -> c.channel() instanceof Replying).map(ChannelInstance::name)
                .collect(Collectors.toSet());
        var replies = new ChannelReplies(replying, ids);
        var issuing = new SurveyIssuing(transactions, clock, ids, surveySettings, surveyIssuer, replies, b.zone);
        delivery.keepInvitationsWith(issuing);
        // A resolution goes to the customer with a link to confirm it; the link is made when the reply is sent.
        // A ticket from the web form reaches its customer only by mail, through the mail channel, if they gave an address.
        var mailChannel = statusLinkSettings.mailChannel().or(() -> {
            var mail = channels.stream().filter(c -> c.channel() instanceof Replying)
                    .filter(c -> c.pluginId().filter("email"::equals).isPresent()).map(ChannelInstance::name).toList();
            return mail.size() == 1 ? Optional.of(mail.getFirst()) : Optional.empty();
        });
        var statusLinks = new StatusLinks(clock, statusLinkSettings, replies, mailChannel
                .<CustomerReplies>map(name -> (tx, ticket, text, now, actor) -> replies.mail(tx, ticket, name, text, now,
                        actor)).orElse(CustomerReplies.NONE), b.zone);
        delivery.fillRepliesWith(statusLinks);
        this.interactions = new InteractionService(transactions, clock, ids);
        this.followUps = new FollowUpService(transactions, clock, b.zone, ids, interactions, followUpSettings.plan());
        // A ticket's closing also asks for its survey and plans its 3-7-30 follow-ups, in the same transaction.
        this.tickets = new TicketService(transactions, clock, b.zone, ids, slaSettings, new TicketRouter(), assignment,
                catalog, replies, AfterClosure.inTurn(issuing, followUps::afterClosure), statusLinks,
                new SuggestionRule(suggestions, ids, catalog));
        // A low score opens service recovery (SPEC §6): a follow-up for a supervisor, unless the host decides.
        this.surveys = new SurveyService(transactions, clock, tickets,
                b.serviceRecovery != null ? b.serviceRecovery : new RecoveryFollowUp(followUps), surveySettings,
                issuing);
        this.customerStatus = new StatusService(transactions, clock, tickets, statusLinkSettings);
        // Shared, so that a change of a user on this node reaches the sessions the authentication keeps checked.
        var recentSessions = new SessionCache();
        this.users = new UserService(transactions, clock, ids, passwords, recentSessions);
        this.roles = new RoleService(transactions, clock, recentSessions);
        this.departments = new DepartmentService(transactions, clock, ids, assignment::forget);
        this.authentication = new AuthenticationService(transactions, clock, passwords,
                new LoginThrottle(transactions, clock, b.loginThrottle), b.sessionTtl, tally, recentSessions);
        this.ticketTypes = new TicketTypeService(transactions, clock, catalog::forget);
        this.purchases = new PurchaseService(transactions, clock, b.zone, ids, b.keyAccountThreshold);
        this.customers = new CustomerService(transactions, clock, b.zone, ids, new CustomerRules(b.industries, b.phones),
                new CustomerMerge(transactions, clock, purchases));
        this.timeline = new TimelineService(transactions, b.zone);
        this.attachments = new AttachmentService(transactions, blobs, clock, ids, b.attachmentLimits);
        this.deadLetters = new DeadLetterService(transactions, b.deliveryClock(), delivery::wakeLanes);
        this.improvements = new ImprovementService(transactions, clock, b.zone, ids);
        this.notices = new NoticeService(transactions, clock);
        // SPEC's default departments and ticket types exist from the first start; racing nodes insert them once.
        transactions.write(tx -> {
            DepartmentService.DEFAULTS.forEach(tx.departments()::insertIfAbsent);
            TicketTypeService.DEFAULTS.forEach(tx.ticketTypes()::insertIfAbsent);
            slaSettings.seed(tx);
            return null;
        });
        this.slaMonitor = new SlaMonitor(transactions, clock, b.slaScanInterval);
        this.followUpScan = new FollowUpScan(transactions, clock, followUps, followUpSettings.scanInterval(),
                followUpSettings.planningPause(), followUpSettings.planningLease(), tally);
        this.inbox = new ChannelInbox(transactions, clock, tickets, customers, channels);
        this.reports = new ReportService(transactions, b.zone, thresholds);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Customers customers() {
        return customers;
    }

    public Tickets tickets() {
        return tickets;
    }

    /** Files attached to tickets, their bytes in the blob store. */
    public Attachments attachments() {
        return attachments;
    }

    public Interactions interactions() {
        return interactions;
    }

    public Purchases purchases() {
        return purchases;
    }

    /** Scheduled contacts with customers: after closure, by maintenance plan, before renewal, for recovery. */
    public FollowUps followUps() {
        return followUps;
    }

    public CustomerTimeline timeline() {
        return timeline;
    }

    public Users users() {
        return users;
    }

    /** The roles admins define; the five of SPEC §2 exist from the first start. */
    public Roles roles() {
        return roles;
    }

    public Departments departments() {
        return departments;
    }

    public Authentication authentication() {
        return authentication;
    }

    public TicketTypes ticketTypes() {
        return ticketTypes;
    }

    /** The SLA policy and business calendars. */
    public SlaSettings slaSettings() {
        return slaSettings;
    }

    /** Customers' messages from the configured channels: e-mail, web form, chat. */
    public Inbox inbox() {
        return inbox;
    }

    /** KPI reports and the monthly review. */
    public Reports reports() {
        return reports;
    }

    /** Customers' own view of their resolved ticket behind the link they were sent, where they confirm it. */
    public CustomerStatus customerStatus() {
        return customerStatus;
    }

    /** Satisfaction surveys of closed tickets, and the public side of answering them. */
    public Surveys surveys() {
        return surveys;
    }

    /** Corrective actions for recurring problems, and the suggestions raised when tickets of a type and tag recur. */
    public Improvements improvements() {
        return improvements;
    }

    /** Each user's in-app notices of the tickets they filed or work: resolved, reopened, SLA breached. */
    public Notices notices() {
        return notices;
    }

    /** Events a notifier or the listeners could not take: to see and send again. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /**
     * Runs now the scheduled work that is due by the clock (SLA warnings, breaches and escalations; the day's
     * maintenance and renewal follow-ups, follow-ups falling due or overdue), as the background scans would, and lets
     * event delivery look for retries that fell due; for hosts that drive time themselves, such as tests and demos.
     * Deliveries happen on their own threads, after this returns.
     *
     * @return how many tickets got an SLA alarm
     */
    public int runDueWork() {
        int alarms = slaMonitor.runDue();
        followUpScan.runDue();
        delivery.wakeLanes();
        return alarms;
    }

    /** The clock every rule reads time from. */
    public Clock clock() {
        return clock;
    }

    /**
     * What this instance has counted since it started, the shared database's gauges (read at most every 5 s, so
     * calling this often is cheap) and the connection pool's figures: for a host to publish as metrics. Never throws:
     * when the storage cannot be read, the gauges are empty.
     */
    public Figures figures() {
        var read = gauges.get(this::readGauges);
        if (read.isEmpty()) {
            gauges.forget(); // try again at the next call rather than report nothing for the cache's age
        }
        return new Figures(tally.counts(), read, storage.pool());
    }

    private Optional<Figures.Gauges> readGauges() {
        Instant now = clock.instant();
        try {
            return Optional.of(storage.inTransaction(tx -> {
                var figures = tx.figures();
                var backlog = figures.backlog();
                return new Figures.Gauges(figures.slaTickets(SlaWatch.AT_RISK, now),
                        figures.slaTickets(SlaWatch.OVERDUE, now), backlog.pending(),
                        backlog.oldestOccurredAt().map(at -> at.isBefore(now) ? Duration.between(at, now)
                                : Duration.ZERO),
                        figures.deadLetters(), now);
            }));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the storage answers. */
    public boolean isHealthy() {
        return storage.isHealthy();
    }

    /** Listens to every domain event delivered from now on; close the result to stop. */
    public AutoCloseable subscribe(DomainEventListener listener) {
        return delivery.subscribe(listener);
    }

    /** Listens to the events of one type. */
    public <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> listener) {
        return delivery.subscribe(event -> {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        });
    }

    /**
     * Waits until the events committed before this call have been delivered by this node: each due delivery to the
     * listeners, notifiers, replying channels and survey providers handed over and its outcome recorded. Deliveries
     * that failed and wait for a later retry are not waited for; nor is the work of other nodes. Every event stays
     * in the database until delivered, so nothing is lost when a host stops without waiting: the next start delivers
     * it.
     *
     * @return true when delivered, false when {@code timeout} passed first or the SDK is closed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitDelivery(Duration timeout) throws InterruptedException {
        return delivery.awaitDelivery(timeout);
    }

    /**
     * Stops reading the channels and the background scans, delivers the events then pending for at most
     * {@code rapport.events.close-timeout} (10 s by default; what is left stays for the next start or another node),
     * closes the notifiers and channels, and releases the storage and the blob store.
     */
    @Override
    public void close() {
        inbox.stopReading();
        slaMonitor.close();
        followUpScan.close();
        delivery.close();
        inbox.close();
        storage.close();
        blobs.close();
        pluginLoaders.forEach(LoadedPlugin::close);
    }

    /**
     * Configures and builds a {@link Rapport}. Without any storage setting: an in-memory H2 database. Without
     * {@code rapport.blobs.type} and {@code rapport.blobs.directory}: attachments in the database on PostgreSQL
     * (shared by every node), and on H2 in a fresh directory under {@code java.io.tmpdir} that
     * {@link Rapport#close()} deletes, which suits tests and demos; give a directory for anything to keep.
     */
    public static final class Builder {
        /** The media types attachments may have by default: office documents, PDF, text, images, e-mails, ZIP. */
        public static final Set<String> DEFAULT_ATTACHMENT_TYPES = AttachmentLimits.DEFAULT_CONTENT_TYPES;
        /** The largest attachment by default: 25 MiB. */
        public static final long DEFAULT_MAX_ATTACHMENT_BYTES = AttachmentLimits.DEFAULT_MAX_BYTES;

        private Clock clock = Clock.systemUTC();
        private Clock deliveryClock;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private final Map<String, String> config = new TreeMap<>();
        private final Map<Class<?>, Object> hostObjects = new HashMap<>();
        private final List<PluginFactory<?>> factories = new ArrayList<>();
        private final List<PluginFactory<?>> loaderFactories = new ArrayList<>();
        /** The plugin directory's, whose class loaders the Rapport built closes last. */
        private final List<LoadedPlugin> loadedPlugins = new ArrayList<>();
        private final List<DomainEventListener> listeners = new ArrayList<>();
        private final Map<String, Notifier> notifiers = new LinkedHashMap<>();
        private final Map<String, Channel> channels = new LinkedHashMap<>();
        private final Map<String, SurveyProvider> surveyProviders = new LinkedHashMap<>();
        private ServiceRecovery serviceRecovery;
        private boolean pollChannels = true;
        private ReviewThresholds reviewThresholds;
        private boolean discoverPlugins = true;
        private AttachmentLimits attachmentLimits = AttachmentLimits.defaults();
        private Set<String> industries = new LinkedHashSet<>(List.of("Manufacturing", "Retail", "Wholesale",
                "Technology", "Telecommunications", "Finance", "Healthcare", "Education", "Logistics", "Energy",
                "Construction", "Government", "Hospitality", "Other"));
        private PhoneNumberRule phones = PhoneNumberRule.mainlandOrE164();
        private SlaPolicy slaPolicy = SlaPolicy.defaults();
        private Duration sessionTtl = Duration.ofHours(8);
        private Duration slaScanInterval = Duration.ofSeconds(15);
        private FollowUpPlan followUpPlan = FollowUpPlan.standard();
        private Duration followUpScanInterval = FollowUpSettings.DEFAULT_SCAN_INTERVAL;
        private Money keyAccountThreshold = Money.of("500000", "CNY");
        private SuggestionSettings suggestions = SuggestionSettings.standard();
        private LoginThrottle.Policy loginThrottle = LoginThrottle.Policy.DEFAULT;

        private Builder() {
        }

        /**
         * Where the monthly review flags a weak point; overrides the {@value ReviewThresholds#PREFIX} keys. Default:
         * {@link ReviewThresholds#standard()}.
         */
        public Builder reviewThresholds(ReviewThresholds thresholds) {
            this.reviewThresholds = Objects.requireNonNull(thresholds, "thresholds");
            return this;
        }

        /** The time source of every rule; tests and demos pass a controllable one. Default: system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The time source of event delivery: when a retry falls due, and how long a node's claim on a delivery lasts.
         * Default: the {@linkplain #clock(Clock) rule clock}. A server whose rule clock can be moved forward (a demo)
         * keeps delivery on real time: nodes whose moved clocks disagree would otherwise each take the other's claims
         * for lapsed ones, and deliver the same events twice.
         */
        public Builder deliveryClock(Clock clock) {
            this.deliveryClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The business time zone: the year in codes and numbers. Default Asia/Shanghai. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Keeps data in this database (H2 or PostgreSQL), through the JDBC storage. The host owns the pool. */
        public Builder dataSource(DataSource dataSource) {
            hostObjects.put(DataSource.class, Objects.requireNonNull(dataSource, "dataSource"));
            return this;
        }

        /** Keeps data in the database at this JDBC URL, e.g. {@code jdbc:postgresql://db/rapport} or {@code jdbc:h2:./data/rapport}. */
        public Builder jdbcUrl(String url) {
            return config(STORAGE_PREFIX + "url", url);
        }

        public Builder jdbcCredentials(String user, String password) {
            config(STORAGE_PREFIX + "user", user);
            return config(STORAGE_PREFIX + "password", password);
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
        public Builder config(String key, String value) {
            config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        public Builder config(Map<String, String> values) {
            values.forEach(this::config);
            return this;
        }

        /** Uses this factory, replacing a discovered one with the same id. */
        public Builder factory(PluginFactory<?> factory) {
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
        public Builder pluginLoader(ClassLoader loader) {
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
        public Builder pluginDirectory(Path directory) {
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
        public Builder discoverPlugins(boolean discover) {
            this.discoverPlugins = discover;
            return this;
        }

        /** The industries a customer may be in (SPEC §3: a configurable list). */
        public Builder industries(Set<String> industries) {
            if (industries.isEmpty()) {
                throw new IllegalArgumentException("at least one industry is needed");
            }
            this.industries = new LinkedHashSet<>(industries);
            return this;
        }

        /** The region's phone-number rule. Default: mainland mobile or E.164. */
        public Builder phoneNumbers(PhoneNumberRule rule) {
            this.phones = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** The SLA policy a new database starts with; afterwards it is edited through {@link #slaSettings()}. */
        public Builder slaPolicy(SlaPolicy policy) {
            this.slaPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How often the SLA monitor looks for due warnings and breaches. Default 15 s; zero turns the background scan
         * off, leaving {@link Rapport#runDueWork()} to the host.
         */
        public Builder slaScanInterval(Duration interval) {
            this.slaScanInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * When follow-ups are planned and who owns them (SPEC §6). Default {@link FollowUpPlan#standard()}: days 3, 7
         * and 30 after closure, quarterly (HIGH) and monthly (MEDIUM) maintenance, renewal 30 days ahead. Keys under
         * {@code rapport.follow-ups.} change it further.
         */
        public Builder followUpPlan(FollowUpPlan plan) {
            this.followUpPlan = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /**
         * How often follow-ups are checked for falling due or overdue (and, once a day, maintenance and renewal ones
         * planned). Default 1 minute; zero turns the background scan off, leaving {@link Rapport#runDueWork()} to the
         * host.
         */
        public Builder followUpScanInterval(Duration interval) {
            this.followUpScanInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Cumulative purchases at which a customer becomes a key account (SPEC §3). Default 500,000 CNY. */
        public Builder keyAccountThreshold(Money threshold) {
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
        public Builder improvementSuggestions(int threshold, Duration window) {
            this.suggestions = new SuggestionSettings(threshold, window);
            return this;
        }

        /** How long a login token lasts. Default 8 hours. */
        public Builder sessionTtl(Duration ttl) {
            this.sessionTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * How failed logins are slowed down: per employee id and client address, counted in the database so that all
         * nodes share the counts. Default {@link LoginThrottle.Policy#DEFAULT}: 3 free failures, then a delay of 2 s
         * doubling up to 15 min; 50 failures per address and hour.
         */
        public Builder loginThrottle(LoginThrottle.Policy policy) {
            this.loginThrottle = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How large attachments may be and which media types they may have (without parameters, e.g.
         * {@code application/pdf}). Default: 25 MiB of {@link #DEFAULT_ATTACHMENT_TYPES}.
         *
         * @throws IllegalArgumentException when {@code maxBytes} is below 1, no type is given, or one is malformed
         */
        public Builder attachmentLimits(long maxBytes, Set<String> allowedContentTypes) {
            this.attachmentLimits = new AttachmentLimits(maxBytes, allowedContentTypes);
            return this;
        }

        /**
         * Whether polling channels are read in the background, each at its {@code poll-interval} (default true). Off,
         * the host reads them with {@link Inbox#pollNow()}, e.g. a test that drives time itself.
         */
        public Builder pollChannels(boolean inBackground) {
            this.pollChannels = inBackground;
            return this;
        }

        /**
         * Files messages from {@code channel} as well, as the channel {@code name} (kebab-case): a channel the host built
         * in code rather than configured with {@code rapport.channels.<name>.type}. It may still set the SDK's keys of a
         * channel ({@code rapport.channels.<name>.ticket-type}, {@code .poll-interval}, …). The host closes it.
         */
        public Builder channel(String name, Channel channel) {
            channels.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(channel, "channel"));
            return this;
        }

        /** Receives every domain event from the start, including those a crash left undelivered. */
        public Builder listener(DomainEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Delivers every event to {@code notifier} as well, as the subscriber {@code name} (kebab-case): a notifier the
         * host built in code rather than configured with {@code rapport.notifiers.<name>.type}. Its delivery settings
         * ({@code rapport.notifiers.<name>.timeout}, {@code .max-attempts}, {@code .backoff-base},
         * {@code .backoff-cap}) may still be configured. The SDK closes it when it closes.
         */
        public Builder notifier(String name, Notifier notifier) {
            notifiers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(notifier, "notifier"));
            return this;
        }

        /**
         * Issues survey invitations through {@code provider} as well, as the instance {@code name} (kebab-case): a
         * provider the host built in code rather than configured with {@code rapport.surveys.<name>.type}. Its delivery
         * settings ({@code rapport.surveys.<name>.timeout}, {@code .max-attempts}, {@code .backoff-base},
         * {@code .backoff-cap}) may still be configured. The SDK closes it when it closes.
         */
        public Builder surveyProvider(String name, SurveyProvider provider) {
            surveyProviders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * What happens when a survey answer calls for service recovery (a score of 2 or less), inside the answer's
         * transaction. Default: a SERVICE_RECOVERY follow-up for a supervisor of the ticket's department (or, when no
         * one can own it, an audit entry {@code survey.recovery-needed} on the ticket).
         */
        public Builder serviceRecovery(ServiceRecovery recovery) {
            this.serviceRecovery = Objects.requireNonNull(recovery, "recovery");
            return this;
        }

        /** Microseconds: what both databases keep, so a value read back equals the one written. */
        private Clock ruleClock() {
            return Clock.tick(clock, Duration.ofNanos(1_000));
        }

        private Clock deliveryClock() {
            return deliveryClock == null ? ruleClock() : Clock.tick(deliveryClock, Duration.ofNanos(1_000));
        }

        /**
         * Creates the storage (migrating its schema), the notifiers, the services and the event delivery.
         *
         * @throws PluginConfigException listing every configuration problem
         */
        public Rapport build() {
            var problems = new ArrayList<String>();
            config.keySet().stream().filter(k -> PREFIXES.stream().noneMatch(k::startsWith))
                    .forEach(k -> problems.add("unknown key " + k + "; known prefixes: " + PREFIXES));
            var storageSettings = new TreeMap<String, String>();
            config.forEach((k, v) -> {
                if (k.startsWith(STORAGE_PREFIX) && !k.equals(STORAGE_PREFIX + "type")) {
                    storageSettings.put(k.substring(STORAGE_PREFIX.length()), v);
                }
            });
            var loader = Thread.currentThread().getContextClassLoader();
            EventSettings events = EventSettings.standard();
            try {
                events = EventSettings.from(config);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            FollowUpSettings followUpSettings = new FollowUpSettings(followUpPlan, followUpScanInterval);
            try {
                followUpSettings = FollowUpSettings.from(config, followUpPlan, followUpScanInterval);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            SuggestionSettings suggestionSettings = suggestions;
            try {
                suggestionSettings = SuggestionSettings.from(config, suggestions);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            Storage storage = null;
            try {
                var catalog = PluginCatalog.of(StorageFactory.class, discoverPlugins, factories, loader);
                var factory = catalog.get(config.getOrDefault(STORAGE_PREFIX + "type", "jdbc"));
                storage = new Plugins(ruleClock(), hostObjects).create(factory, "storage", storageSettings);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            BlobStore blobs = null;
            try {
                // A storage plugin's own blob store (the database one) reaches its database through the storage.
                var blobHostObjects = new HashMap<Class<?>, Object>(hostObjects);
                if (storage != null) {
                    blobHostObjects.put(Storage.class, storage);
                }
                blobs = ConfiguredBlobStore.create(config, discoverPlugins, factories, loader,
                        new Plugins(ruleClock(), blobHostObjects), Optional.ofNullable(storage));
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            List<EventDelivery.NotifierInstance> notifierInstances = List.of();
            try {
                notifierInstances = ConfiguredNotifiers.create(config, notifiers, events.policy(), discoverPlugins,
                        factories, loader, new Plugins(ruleClock(), hostObjects));
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            ReviewThresholds thresholds = reviewThresholds;
            try {
                thresholds = reviewThresholds != null ? reviewThresholds : ReviewThresholds.from(config);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            SurveySettings surveySettings = SurveySettings.standard();
            try {
                surveySettings = SurveySettings.from(config);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            StatusLinkSettings statusLinkSettings = StatusLinkSettings.standard();
            try {
                statusLinkSettings = StatusLinkSettings.from(config);
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            List<EventDelivery.SurveyProviderInstance> surveyInstances = List.of();
            try {
                surveyInstances = ConfiguredSurveyProviders.create(config, surveyProviders, events.policy(),
                        discoverPlugins, factories, loader, new Plugins(ruleClock(), hostObjects));
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            Optional<String> surveyIssuer = Optional.empty();
            try {
                surveyIssuer = ConfiguredSurveyProviders.issuer(surveySettings,
                        surveyInstances.stream().map(EventDelivery.SurveyProviderInstance::name).toList());
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            List<ChannelInstance> channelInstances = List.of();
            try {
                channelInstances = ConfiguredChannels.create(config, channels, events.policy(), discoverPlugins,
                        factories, loader, new Plugins(ruleClock(), hostObjects));
            } catch (PluginConfigException e) {
                problems.addAll(e.problems());
            }
            var mailChannel = statusLinkSettings.mailChannel();
            if (mailChannel.isPresent() && channelInstances.stream().noneMatch(c -> c.name().equals(mailChannel.get())
                    && c.channel() instanceof Replying)) {
                problems.add(StatusLinkSettings.PREFIX + "mail-channel names " + mailChannel.get()
                        + ", which is not a configured channel that can answer");
            }
            if (!problems.isEmpty()) {
                if (storage != null) {
                    storage.close();
                }
                if (blobs != null) {
                    blobs.close();
                }
                notifierInstances.stream().filter(n -> !notifiers.containsKey(n.name()))
                        .forEach(n -> n.notifier().close());
                channelInstances.stream().filter(c -> c.pluginId().isPresent()).forEach(c -> c.channel().close());
                surveyInstances.stream().filter(p -> !surveyProviders.containsKey(p.name()))
                        .forEach(p -> p.provider().close());
                throw new PluginConfigException(problems);
            }
            var replying = channelInstances.stream().filter(c -> c.channel() instanceof Replying)
                    .map(c -> new EventDelivery.ReplyingChannel(c.name(), (Replying) c.channel(),
                            c.settings().replies(), c.secrets()))
                    .toList();
            var tally = new Tally();
            var delivery = new EventDelivery(storage, deliveryClock(), events, notifierInstances, replying, surveyInstances,
                    tally);
            Rapport rapport = null;
            try {
                rapport = new Rapport(this, storage, blobs, ruleClock(), delivery, tally, channelInstances, surveySettings,
                        surveyIssuer, followUpSettings, thresholds, suggestionSettings, statusLinkSettings);
                delivery.start(); // delivers what a crash left undelivered, too
                if (pollChannels) {
                    rapport.inbox.start();
                }
                return rapport;
            } catch (RuntimeException e) {
                if (rapport != null) {
                    rapport.close();
                } else {
                    delivery.close();
                    storage.close();
                    blobs.close();
                    channelInstances.stream().filter(c -> c.pluginId().isPresent()).forEach(c -> c.channel().close());
                }
                throw e;
            }
        }
    }
}
