package dev.rapport.core;

import dev.rapport.api.customer.CustomerTimeline;
import dev.rapport.api.customer.Customers;
import dev.rapport.api.customer.Interactions;
import dev.rapport.api.customer.Purchases;
import dev.rapport.api.event.DeadLetters;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.api.figures.Figures;
import dev.rapport.api.followup.FollowUps;
import dev.rapport.api.improvement.Improvements;
import dev.rapport.api.notice.Notices;
import dev.rapport.api.report.Reports;
import dev.rapport.api.security.Authentication;
import dev.rapport.api.security.Departments;
import dev.rapport.api.security.Roles;
import dev.rapport.api.security.Users;
import dev.rapport.api.sla.SlaSettings;
import dev.rapport.api.status.CustomerStatus;
import dev.rapport.api.survey.Surveys;
import dev.rapport.api.ticket.Attachments;
import dev.rapport.api.ticket.Inbox;
import dev.rapport.api.ticket.TicketTypes;
import dev.rapport.api.ticket.Tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The SDK: what a host builds once, with {@link #builder()}, and calls from any thread; its services check the actor.
 * <pre>{@code
 * try (Rapport rapport = Rapport.builder().build()) {          // embedded in-memory H2
 *     Customer c = rapport.customers().create(Actor.system(), profile);
 * }
 * Rapport.builder().dataSource(postgres).clock(clock).build();  // PostgreSQL, controlled time
 * }</pre>
 */
public final class Rapport implements AutoCloseable {
    private final Wiring services;

    Rapport(Wiring services) {
        this.services = services;
    }

    /** A builder of the SDK with the defaults its Javadoc lists: in-memory H2, system UTC, Asia/Shanghai. */
    public static RapportBuilder builder() {
        return new RapportBuilder();
    }

    /** Customer profiles and contacts, search and duplicates, merging. */
    public Customers customers() {
        return services.customers;
    }

    /** Tickets from intake to closure: routing, SLA, progress, collaboration, confirmation. */
    public Tickets tickets() {
        return services.tickets;
    }

    public Attachments attachments() {
        return services.attachments;
    }

    public Interactions interactions() {
        return services.interactions;
    }

    public Purchases purchases() {
        return services.purchases;
    }

    /** Scheduled contacts with customers: after closure, by maintenance plan, before renewal, for recovery. */
    public FollowUps followUps() {
        return services.followUps;
    }

    public CustomerTimeline timeline() {
        return services.timeline;
    }

    public Users users() {
        return services.users;
    }

    /** The roles admins define; the five of SPEC §2 exist from the first start. */
    public Roles roles() {
        return services.roles;
    }

    public Departments departments() {
        return services.departments;
    }

    public Authentication authentication() {
        return services.authentication;
    }

    public TicketTypes ticketTypes() {
        return services.ticketTypes;
    }

    /** The SLA policy and business calendars. */
    public SlaSettings slaSettings() {
        return services.slaSettings;
    }

    /** Customers' messages from the configured channels: e-mail, web form, chat. */
    public Inbox inbox() {
        return services.inbox;
    }

    /** KPI reports and the monthly review. */
    public Reports reports() {
        return services.reports;
    }

    /** Customers' own view of their resolved ticket behind the link they were sent, where they confirm it. */
    public CustomerStatus customerStatus() {
        return services.customerStatus;
    }

    /** Satisfaction surveys of closed tickets, and the public side of answering them. */
    public Surveys surveys() {
        return services.surveys;
    }

    /** Corrective actions for recurring problems, and the suggestions raised when tickets of a type and tag recur. */
    public Improvements improvements() {
        return services.improvements;
    }

    /** Each user's in-app notices of the tickets they filed or work: resolved, reopened, SLA breached. */
    public Notices notices() {
        return services.notices;
    }

    /** Events a notifier or the listeners could not take: to see and send again. */
    public DeadLetters deadLetters() {
        return services.deadLetters;
    }

    /**
     * Runs the work due by the clock now (SLA alarms, due follow-ups, the day's care planning, missing search readings,
     * retries) as the background scans would, for hosts that drive time (tests, demos); returns the tickets alarmed.
     */
    public int runDueWork() {
        return services.runDueWork();
    }

    /** The clock every rule reads time from. */
    public Clock clock() {
        return services.clock;
    }

    /** The business zone ({@link RapportBuilder#zone}): its days and months are the rules', and times show in it. */
    public ZoneId zone() {
        return services.zone;
    }

    /** This instance's counts, the database's gauges (at most 5 s old; empty when unreadable), the pool's figures. */
    public Figures figures() {
        return services.figures();
    }

    /** Whether the storage answers. */
    public boolean isHealthy() {
        return services.isHealthy();
    }

    /** Listens to every domain event delivered from now on; close the result to stop. */
    public AutoCloseable subscribe(DomainEventListener listener) {
        return services.subscribe(listener);
    }

    /** Listens to the events of one type from now on; close the result to stop. */
    public <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> listener) {
        return services.subscribe(type, listener);
    }

    /**
     * Waits until the events committed before this call are delivered by this node (listeners, notifiers, replying
     * channels, survey providers; not retries due later, nor other nodes' work): false when {@code timeout} passed
     * first or the SDK is closed. Nothing is lost without waiting: events stay in the database until delivered.
     */
    public boolean awaitDelivery(Duration timeout) throws InterruptedException {
        return services.awaitDelivery(timeout);
    }

    /** Stops channels and scans, delivers what is pending within {@code rapport.events.close-timeout}, closes all. */
    @Override
    public void close() {
        services.close();
    }
}
