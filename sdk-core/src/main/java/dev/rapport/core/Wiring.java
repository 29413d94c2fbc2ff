package dev.rapport.core;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.api.figures.Figures;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.ticket.SlaWatch;
import dev.rapport.core.internal.ShortCache;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.channel.ChannelInbox;
import dev.rapport.core.internal.customer.CustomerMerge;
import dev.rapport.core.internal.customer.CustomerRules;
import dev.rapport.core.internal.customer.CustomerService;
import dev.rapport.core.internal.customer.InteractionService;
import dev.rapport.core.internal.customer.PurchaseService;
import dev.rapport.core.internal.customer.ReadingsBackfill;
import dev.rapport.core.internal.customer.TimelineService;
import dev.rapport.core.internal.event.DeadLetterService;
import dev.rapport.core.internal.event.EventDelivery;
import dev.rapport.core.internal.figures.Tally;
import dev.rapport.core.internal.followup.FollowUpScan;
import dev.rapport.core.internal.followup.FollowUpService;
import dev.rapport.core.internal.followup.RecoveryFollowUp;
import dev.rapport.core.internal.improvement.ImprovementService;
import dev.rapport.core.internal.improvement.SuggestionRule;
import dev.rapport.core.internal.notice.NoticeService;
import dev.rapport.core.internal.plugin.LoadedPlugin;
import dev.rapport.core.internal.report.ReportService;
import dev.rapport.core.internal.routing.TicketRouter;
import dev.rapport.core.internal.security.AuthenticationService;
import dev.rapport.core.internal.security.DepartmentService;
import dev.rapport.core.internal.security.LoginThrottle;
import dev.rapport.core.internal.security.PasswordHasher;
import dev.rapport.core.internal.security.RoleService;
import dev.rapport.core.internal.security.SessionCache;
import dev.rapport.core.internal.security.UserService;
import dev.rapport.core.internal.sla.SlaSettingsService;
import dev.rapport.core.internal.status.StatusService;
import dev.rapport.core.internal.survey.SurveyService;
import dev.rapport.core.internal.ticket.AfterClosure;
import dev.rapport.core.internal.ticket.AttachmentService;
import dev.rapport.core.internal.ticket.AutoAssignment;
import dev.rapport.core.internal.ticket.SlaMonitor;
import dev.rapport.core.internal.ticket.TicketCatalog;
import dev.rapport.core.internal.ticket.TicketService;
import dev.rapport.core.internal.ticket.TicketTypeService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root: every service of one {@link Rapport}, made from the assembled plugins and the builder's
 * settings and wired together here only (but for the {@link OutboundRules} event delivery is made with), and what runs
 * them (the background scans, event delivery, the channel reading) until {@link #close()}. The facade hands the services out; nothing else makes them.
 */
final class Wiring implements AutoCloseable {
    /** How long {@link #figures()} keeps the gauges it read: a scrape every second costs one read per 5 s. */
    private static final Duration GAUGE_AGE = Duration.ofSeconds(5);

    final Clock clock;
    final ZoneId zone;
    final CustomerService customers;
    final TicketService tickets;
    final UserService users;
    final RoleService roles;
    final DepartmentService departments;
    final AuthenticationService authentication;
    final TicketTypeService ticketTypes;
    final InteractionService interactions;
    final PurchaseService purchases;
    final TimelineService timeline;
    final AttachmentService attachments;
    final SlaSettingsService slaSettings;
    final FollowUpService followUps;
    final ChannelInbox inbox;
    final ReportService reports;
    final ImprovementService improvements;
    final SurveyService surveys;
    final StatusService customerStatus;
    final DeadLetterService deadLetters;
    final NoticeService notices;
    private final Storage storage;
    private final BlobStore blobs;
    private final EventDelivery delivery;
    private final Tally tally;
    private final SlaMonitor slaMonitor;
    private final FollowUpScan followUpScan;
    private final ReadingsBackfill readingsBackfill;
    private final List<LoadedPlugin> pluginLoaders;
    private final ShortCache<Optional<Figures.Gauges>> gauges = new ShortCache<>(GAUGE_AGE);

    /**
     * @param clock         the rules' clock, ticking in microseconds
     * @param deliveryClock the event delivery's clock, ticking in microseconds
     */
    Wiring(RapportBuilder b, Assembly.Parts parts, Clock clock, Clock deliveryClock) {
        this.pluginLoaders = List.copyOf(b.loadedPlugins);
        this.clock = clock;
        this.zone = b.zone;
        this.storage = parts.storage();
        this.blobs = parts.blobs();
        this.delivery = parts.delivery();
        this.tally = parts.tally();
        var settings = parts.settings();
        var channels = parts.channels();
        b.listeners.forEach(delivery::subscribe);
        var transactions = new Transactions(storage, delivery::signal, tally);
        var outbound = parts.outbound();
        var ids = outbound.ids();
        var replies = outbound.replies();
        var issuing = outbound.issuing();
        var statusLinks = outbound.statusLinks();
        var passwords = new PasswordHasher();

        this.slaSettings = new SlaSettingsService(transactions, clock, b.slaPolicy);
        var assignment = new AutoAssignment();
        var catalog = new TicketCatalog();
        this.interactions = new InteractionService(transactions, clock, ids);
        this.followUps = new FollowUpService(transactions, clock, b.zone, ids, interactions,
                settings.followUps().plan());
        // A ticket's closing also asks for its survey and plans its 3-7-30 follow-ups, in the same transaction.
        this.tickets = new TicketService(transactions, clock, b.zone, ids, slaSettings, new TicketRouter(), assignment,
                catalog, replies, AfterClosure.inTurn(issuing, followUps::afterClosure), statusLinks,
                new SuggestionRule(settings.suggestions(), ids, catalog));
        // A low score opens service recovery (SPEC §6): a follow-up for a supervisor, unless the host decides.
        this.surveys = new SurveyService(transactions, clock, tickets,
                b.serviceRecovery != null ? b.serviceRecovery : new RecoveryFollowUp(followUps), settings.surveys(),
                issuing);
        this.customerStatus = new StatusService(transactions, clock, tickets, settings.statusLinks());
        // Shared, so that a change of a user on this node reaches the sessions the authentication keeps checked.
        var recentSessions = new SessionCache();
        // Published passwords (a demo's) come with their hashes, so seeding their users computes none.
        this.users = new UserService(transactions, clock, ids, passwords.knowing(b.publishedPasswords),
                recentSessions);
        this.roles = new RoleService(transactions, clock, recentSessions);
        this.departments = new DepartmentService(transactions, clock, ids, assignment::forget);
        this.authentication = new AuthenticationService(transactions, clock, passwords,
                new LoginThrottle(transactions, clock, b.loginThrottle), b.sessionTtl, tally, recentSessions);
        this.ticketTypes = new TicketTypeService(transactions, clock, catalog::forget);
        this.purchases = new PurchaseService(transactions, clock, b.zone, ids, b.keyAccountThreshold);
        this.customers = new CustomerService(transactions, clock, b.zone, ids, new CustomerRules(b.industries, b.phones),
                new CustomerMerge(transactions, clock, purchases));
        this.timeline = new TimelineService(transactions, b.zone);
        this.readingsBackfill = ReadingsBackfill.start(transactions, b.readingsBackfillInterval);
        this.attachments = new AttachmentService(transactions, blobs, clock, ids, b.attachmentLimits);
        this.deadLetters = new DeadLetterService(transactions, deliveryClock, delivery::wakeLanes);
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
        this.followUpScan = new FollowUpScan(transactions, clock, followUps, settings.followUps().scanInterval(),
                settings.followUps().planningPause(), settings.followUps().planningLease(), tally);
        this.inbox = new ChannelInbox(transactions, clock, tickets, customers, channels);
        this.reports = new ReportService(transactions, clock, b.zone, settings.thresholds());
    }

    /** Delivers what a crash left undelivered, then what comes; reads the channels unless the host does. */
    void start(boolean pollChannels) {
        delivery.start();
        if (pollChannels) {
            inbox.start();
        }
    }

    int runDueWork() {
        int alarms = slaMonitor.runDue();
        followUpScan.runDue();
        readingsBackfill.fill();
        delivery.wakeLanes();
        return alarms;
    }

    Figures figures() {
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

    boolean isHealthy() {
        return storage.isHealthy();
    }

    AutoCloseable subscribe(DomainEventListener listener) {
        return delivery.subscribe(listener);
    }

    <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> listener) {
        return delivery.subscribe(event -> {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        });
    }

    boolean awaitDelivery(Duration timeout) throws InterruptedException {
        return delivery.awaitDelivery(timeout);
    }

    @Override
    public void close() {
        inbox.stopReading();
        slaMonitor.close();
        followUpScan.close();
        readingsBackfill.close();
        delivery.close();
        inbox.close();
        storage.close();
        blobs.close();
        pluginLoaders.forEach(LoadedPlugin::close);
    }
}
