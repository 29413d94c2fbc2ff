package dev.rapport.harness;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.event.DeadLetter;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import dev.rapport.testkit.TestPluginContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs the notifier under test inside a real, embedded Rapport (in-memory H2, a {@link MutableClock} the test moves),
 * configured the way a host configures it, so that a test shows its deliveries, retries with back-off, dead letters
 * and their resend happening end to end:
 *
 * <pre>{@code
 * try (var peer = HttpPeer.start();
 *      var harness = PluginHarness.notifier("chat-room")
 *              .setting("url", peer.uri("/rooms/support").toString())
 *              .setting("token", "room-token-8d1f")
 *              .start()) {
 *     harness.driveATicketThroughItsLife();
 *     assertThat(peer.requests()).hasSize(harness.events().size());
 * }
 * }</pre>
 *
 * <p>Every step (a customer, opening, assigning, progress, resolving, confirming, moving the clock, a resend) returns
 * once the SDK has handed what it raised to the notifier and recorded the outcome, so a test asserts right after it,
 * never waits by sleeping. A delivery that failed then waits for its back-off, which only moving the clock ends:
 * {@link #advancePastBackOff()}.
 *
 * <p>The notifier is found by its type key through {@link java.util.ServiceLoader} on the test class path, as the SDK
 * finds it: the plugin's {@code META-INF/services} registration is part of what is tested.
 */
public final class PluginHarness implements AutoCloseable {
    /** Where the clock starts: Monday 2 March 2026, 09:00 in the business zone (Asia/Shanghai). */
    public static final Instant START = TestPluginContext.START;
    /** The notifier instance's name unless the builder sets another: {@code rapport.notifiers.under-test.*}. */
    public static final String DEFAULT_INSTANCE = "under-test";

    private final Rapport rapport;
    private final MutableClock clock;
    private final String instance;
    private final Duration backoffCap;
    private final Duration patience;
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final Actor agent;
    private final User agentUser;
    private final AtomicInteger customers = new AtomicInteger();

    private PluginHarness(Rapport rapport, MutableClock clock, String instance, Duration backoffCap,
                          Duration patience) {
        this.rapport = rapport;
        this.clock = clock;
        this.instance = instance;
        this.backoffCap = backoffCap;
        this.patience = patience;
        rapport.subscribe(events::add);
        // An agent of After-Sales, where complaints are routed: one who may open, assign, work and resolve them.
        this.agentUser = rapport.users().create(Actor.system(), new NewUser("harness.agent", "Harness Agent",
                DepartmentId.of("after-sales"), Set.of(Role.AGENT), Tier.FRONT_LINE, "the harness agent's secret"));
        this.agent = Actor.of(agentUser);
    }

    /**
     * Starts configuring a harness for the notifier whose factory has {@code type} as its id, configured as
     * {@code rapport.notifiers.under-test.type=<type>}.
     */
    public static Builder notifier(String type) {
        return new Builder(type);
    }

    /** The embedded SDK, for what the harness has no step for. */
    public Rapport rapport() {
        return rapport;
    }

    /** The clock of every rule and of event delivery; it stands still unless the test or a step moves it. */
    public MutableClock clock() {
        return clock;
    }

    /** The notifier instance's name: the subscriber its dead letters are listed under. */
    public String instanceName() {
        return instance;
    }

    /** The agent every ticket step acts as. */
    public User agent() {
        return agentUser;
    }

    // ---- a ticket's life, one step at a time -------------------------------------------------------------------

    /** Creates a customer (an organization with one contact), another one at each call, and delivers its events. */
    public Customer createCustomer() {
        int n = customers.incrementAndGet();
        var customer = rapport.customers().create(agent, CustomerProfile.builder()
                .kind(CustomerKind.ORGANIZATION).name("Harness Customer " + n).industry("Retail")
                .contact(ContactDraft.of("Anna Schmidt", "+4930123456%03d".formatted(n),
                        "anna.%d@customer.example".formatted(n)))
                .build(), true); // allowed to look alike: a test asks for one more customer, not a distinct one
        awaitDelivery();
        return customer;
    }

    /** Opens an urgent, important complaint (P1) for {@code customer} and delivers its events. */
    public Ticket openTicket(Customer customer) {
        var ticket = rapport.tickets().open(agent, OpenTicket.builder()
                .customer(customer.id()).type("COMPLAINT").urgent(true).important(true)
                .description("Orders stopped reaching the warehouse at 09:00.")
                .build());
        awaitDelivery();
        return ticket;
    }

    /** Assigns {@code ticket} to the {@linkplain #agent() agent} and delivers the events. */
    public Ticket assign(Ticket ticket) {
        var assigned = rapport.tickets().assign(agent, ticket.id(), AssignTicket.to(agentUser.id(), ticket.version()));
        awaitDelivery();
        return assigned;
    }

    /** Notes progress on {@code ticket}, visible to the customer, and delivers the events. */
    public Ticket addProgress(Ticket ticket) {
        var progressed = rapport.tickets().addProgress(agent, ticket.id(),
                AddProgress.note("Found the stuck job; restarting it.", Visibility.CUSTOMER, ticket.version()));
        awaitDelivery();
        return progressed;
    }

    /** Resolves {@code ticket} and delivers the events. */
    public Ticket resolve(Ticket ticket) {
        var resolved = rapport.tickets().resolve(agent, ticket.id(), new ResolveTicket(ticket.version(),
                "Restarted the sync job and replayed the missed orders.", CommunicationMethod.PHONE));
        awaitDelivery();
        return resolved;
    }

    /** Records that the customer is satisfied with the resolution, which closes {@code ticket}; delivers the events. */
    public Ticket confirm(Ticket ticket) {
        var closed = rapport.tickets().confirm(agent, ticket.id(), new ConfirmResolution(ticket.version(),
                Opinion.SATISFIED, Optional.of(CommunicationMethod.PHONE), Optional.empty()));
        awaitDelivery();
        return closed;
    }

    /**
     * A new customer's ticket from opening to closure: {@link #createCustomer()}, {@link #openTicket(Customer)},
     * {@link #assign(Ticket)}, {@link #addProgress(Ticket)}, {@link #resolve(Ticket)}, {@link #confirm(Ticket)}.
     *
     * @return the closed ticket
     */
    public Ticket driveATicketThroughItsLife() {
        var ticket = openTicket(createCustomer());
        return confirm(resolve(addProgress(assign(ticket))));
    }

    // ---- events and deliveries ----------------------------------------------------------------------------------

    /**
     * Every event the SDK raised since the harness started, in the order an in-process listener heard them; each is
     * also what the notifier is given.
     */
    public List<DomainEvent> events() {
        return List.copyOf(events);
    }

    /** The {@linkplain DomainEvent#eventType() types} of {@link #events()}, e.g. {@code TicketCreated}. */
    public List<String> eventTypes() {
        return events.stream().map(DomainEvent::eventType).toList();
    }

    /**
     * Waits until what was committed so far has been handed to the notifier (and the listeners) and each outcome
     * recorded; deliveries waiting for a retry later than the clock's now are not waited for. Every step calls it.
     *
     * @throws AssertionError when that takes longer than the test kit's patience ({@link Eventually})
     */
    public void awaitDelivery() {
        try {
            if (!rapport.awaitDelivery(patience)) {
                throw new AssertionError("the events were not delivered within " + patience.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for delivery", e);
        }
    }

    /**
     * Moves the clock by {@code duration}, runs the work then due (retries among it, and the SLA and follow-up
     * scans) and waits until it is delivered.
     */
    public void advance(Duration duration) {
        clock.advance(duration);
        rapport.runDueWork();
        awaitDelivery();
    }

    /**
     * Moves the clock by the back-off cap, so that every retry the delivery policy scheduled is due, and delivers
     * them: one more attempt for each failing delivery that is first in line for its subject. A peer's
     * {@code Retry-After} longer than the cap needs {@link #advance(Duration)}.
     */
    public void advancePastBackOff() {
        advance(backoffCap);
    }

    /**
     * Moves the clock past the back-off again and again until {@code done} holds, e.g. until the failing deliveries
     * are dead letters.
     *
     * @throws AssertionError naming {@code what} when it does not hold within the test kit's patience
     */
    public void retryUntil(String what, BooleanSupplier done) {
        Eventually.until(what, done, this::advancePastBackOff);
    }

    /** The notifier instance's dead letters, oldest first. */
    public List<DeadLetter> deadLetters() {
        var letters = new ArrayList<DeadLetter>();
        var page = rapport.deadLetters().list(Actor.system(), Optional.of(instance), PageRequest.first(PageRequest.MAX_LIMIT));
        letters.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = rapport.deadLetters().list(Actor.system(), Optional.of(instance),
                    PageRequest.after(page.nextCursor().get(), PageRequest.MAX_LIMIT));
            letters.addAll(page.items());
        }
        return letters;
    }

    /**
     * Sends every dead letter of the notifier again, as an admin does, and waits until they are delivered (or
     * failed again).
     *
     * @return how many were sent again
     */
    public int resendDeadLetters() {
        int resent = rapport.deadLetters().retryAll(Actor.system(), instance);
        awaitDelivery();
        return resent;
    }

    /** Sends one dead letter again, as an admin does, and waits until it is delivered (or failed again). */
    public void resend(DeadLetter letter) {
        rapport.deadLetters().retry(Actor.system(), letter.id());
        awaitDelivery();
    }

    /** Closes the SDK: what is pending is delivered (within the SDK's close timeout), then the notifier is closed. */
    @Override
    public void close() {
        rapport.close();
    }

    /**
     * How the notifier is configured: its own keys ({@code rapport.notifiers.<name>.<key>}), the SDK's delivery
     * policy for it, and any other SDK key. The delivery policy defaults to what makes a test short: 3 attempts, a
     * back-off from 10 s doubling up to 1 minute.
     */
    public static final class Builder {
        private final String type;
        private String instance = DEFAULT_INSTANCE;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, String> sdkConfig = new LinkedHashMap<>();
        private int maxAttempts = 3;
        private Duration backoffBase = Duration.ofSeconds(10);
        private Duration backoffCap = Duration.ofMinutes(1);
        private Duration timeout;

        private Builder(String type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** One of the notifier's own keys, e.g. {@code setting("url", peer.uri().toString())}. */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        /** Several of the notifier's own keys. */
        public Builder settings(Map<String, String> values) {
            values.forEach(this::setting);
            return this;
        }

        /** The instance's name, {@value PluginHarness#DEFAULT_INSTANCE} unless set. */
        public Builder name(String name) {
            this.instance = Objects.requireNonNull(name, "name");
            return this;
        }

        /** How many attempts a delivery gets before it is a dead letter ({@code max-attempts}); default 3. */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** The back-off after a failed attempt ({@code backoff-base}, {@code backoff-cap}); default 10 s up to 1 min. */
        public Builder backoff(Duration base, Duration cap) {
            this.backoffBase = Objects.requireNonNull(base, "base");
            this.backoffCap = Objects.requireNonNull(cap, "cap");
            return this;
        }

        /** The SDK's time box on one call of the notifier ({@code timeout}); the SDK's default (10 s) unless set. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Any other key of the SDK, e.g. {@code rapport.events.close-timeout}. */
        public Builder config(String key, String value) {
            sdkConfig.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        /**
         * Builds and starts the embedded Rapport with the notifier configured.
         *
         * @throws IllegalStateException when no notifier factory on the test class path has the type as its id
         * @throws dev.rapport.api.spi.PluginConfigException when the SDK refuses the configuration, as it would the
         *                                                   host's
         */
        public PluginHarness start() {
            NotifierTypes.require(type, Thread.currentThread().getContextClassLoader());
            String prefix = "rapport.notifiers." + instance + ".";
            var config = new LinkedHashMap<>(sdkConfig);
            config.put(prefix + "type", type);
            settings.forEach((key, value) -> config.put(prefix + key, value));
            config.put(prefix + "max-attempts", Integer.toString(maxAttempts));
            config.put(prefix + "backoff-base", backoffBase.toMillis() + "ms");
            config.put(prefix + "backoff-cap", backoffCap.toMillis() + "ms");
            if (timeout != null) {
                config.put(prefix + "timeout", timeout.toMillis() + "ms");
            }
            var clock = MutableClock.at(START);
            var rapport = Rapport.builder().clock(clock).config(config).build();
            try {
                return new PluginHarness(rapport, clock, instance, backoffCap, Eventually.patience());
            } catch (RuntimeException | Error e) {
                rapport.close();
                throw e;
            }
        }
    }
}
