package dev.rapport.core.internal.channel;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.CustomerMessageReceived;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.channel.AnonymousSenders;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.PollingChannel;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.spi.channel.SetAside;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Correspondent;
import dev.rapport.api.ticket.Inbox;
import dev.rapport.api.ticket.Intake;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.SetAsideMessage;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketMessage;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.customer.CorrespondentName;
import dev.rapport.core.internal.customer.CustomerService;
import dev.rapport.core.internal.customer.PersonalData;
import dev.rapport.core.internal.plugin.PatientClose;
import dev.rapport.core.internal.ticket.TicketService;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Files customers' messages from the channels: each on a new ticket or on the open ticket it answers (never for a
 * channel of {@link AnonymousSenders}, whose every message opens a ticket for a new customer), exactly once
 * however often a channel hands it over and however many nodes read the same source. The claim of the message, the
 * ticket (and a new customer), the message in the conversation and its event commit together.
 */
public final class ChannelInbox implements Inbox, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChannelInbox.class.getName());
    /** Messages read from one polling channel per pass. */
    static final int POLL_BATCH = 50;

    private final Transactions transactions;
    private final Clock clock;
    private final TicketService tickets;
    private final CustomerService customers;
    private final Map<String, ChannelInstance> channels;
    private final SharedRateLimit rateLimit;
    private final ChannelPolling polling;

    public ChannelInbox(Transactions transactions, Clock clock, TicketService tickets, CustomerService customers,
                        List<ChannelInstance> channels) {
        this.transactions = transactions;
        this.clock = clock;
        this.tickets = tickets;
        this.customers = customers;
        this.channels = channels.stream().collect(Collectors.toMap(ChannelInstance::name, Function.identity(),
                (a, b) -> a, java.util.TreeMap::new));
        this.rateLimit = new SharedRateLimit(transactions, clock, "channel.rate-limited",
                "Too many messages from this address; try again later");
        this.polling = new ChannelPolling(this, channels.stream()
                .filter(c -> c.channel() instanceof PollingChannel).toList());
    }

    /** Starts reading the polling channels, each at its interval. */
    public void start() {
        polling.start();
    }

    @Override
    public Intake receive(String channel, InboundRequest request) {
        var instance = channels.get(channel);
        if (instance == null || !(instance.channel() instanceof PushChannel push)) {
            throw NotFoundException.of("channel", channel);
        }
        var settings = instance.settings();
        rateLimit.acquire(channel, request.remoteAddress(), settings.rateLimit(), settings.rateWindow());
        Received received;
        try {
            received = push.receive(request);
        } catch (RuntimeException e) {
            // Only the class: a plugin's message may echo the request, personal data and all.
            throw new IllegalStateException("Channel " + channel + " failed on a request: " + e.getClass().getName());
        }
        return switch (received) {
            case Received.Accepted accepted -> file(instance, accepted.message());
            case Received.Ignored ignored -> Intake.ignored();
            // Which check failed stays with the channel: telling the sender would help a forger.
            case Received.Unauthenticated refused -> throw UnauthorizedException.channelRequest();
            case Received.Invalid invalid -> throw new ValidationException(invalid.errors());
        };
    }

    @Override
    public List<Intake> pollNow() {
        var filed = new ArrayList<Intake>();
        for (var instance : channels.values()) {
            if (instance.channel() instanceof PollingChannel) {
                filed.addAll(polling.pollOnce(instance));
            }
        }
        return filed;
    }

    @Override
    public Optional<String> pushChannelOfType(String pluginId) {
        return channels.values().stream()
                .filter(c -> c.channel() instanceof PushChannel && c.pluginId().filter(pluginId::equals).isPresent())
                .map(ChannelInstance::name).findFirst();
    }

    @Override
    public List<TicketMessage> conversation(Actor actor, TicketId ticket) {
        var messages = transactions.read(tx -> {
            tickets.readable(tx, actor, ticket);
            var conversation = tx.conversations().of(ticket);
            if (actor.isSystem()) {
                return conversation;
            }
            // A survey link sent to the customer answers the survey as the customer: users see that it went, not it.
            var links = tx.surveys().ofTicket(ticket).stream().flatMap(s -> s.link().stream()).map(Object::toString)
                    .toList();
            return conversation.stream().map(m -> withoutLinks(m, links)).toList();
        });
        return actor.has(Permission.CUSTOMER_PII_READ) ? messages : messages.stream().map(ChannelInbox::masked).toList();
    }

    /** The text that stands for a survey link in the conversation users read. */
    static final String HIDDEN_SURVEY_LINK = "[survey link sent to the customer]";

    private static TicketMessage withoutLinks(TicketMessage m, List<String> links) {
        String body = m.body();
        for (String link : links) {
            body = body.replace(link, HIDDEN_SURVEY_LINK);
        }
        return body.equals(m.body()) ? m : new TicketMessage(m.ticketId(), m.channel(), m.direction(), m.messageId(),
                m.correspondent(), m.subject(), body, m.references(), m.threadKey(), m.at());
    }

    /**
     * Files one message of the channel: opens a ticket or joins the open ticket it answers; a message filed before
     * changes nothing.
     */
    Intake file(ChannelInstance channel, InboundMessage message) {
        try {
            return transactions.write(tx -> file(tx, channel, message));
        } catch (RuntimeException e) {
            // A node filing the same message at the same moment wins the claim; where the database reports that race
            // as a failure rather than waiting, the message is filed all the same.
            var filed = transactions.read(tx -> tx.conversations().filedOn(channel.name(), message.messageId())
                    .flatMap(tx.tickets()::find));
            if (filed.isPresent()) {
                return Intake.of(duplicate(channel), filed.get());
            }
            throw e;
        }
    }

    private Intake file(Transaction tx, ChannelInstance channel, InboundMessage message) {
        Instant now = clock.instant();
        var actor = Actor.system();
        if (!tx.conversations().claim(channel.name(), message.messageId(), now)) {
            var ticket = tx.conversations().filedOn(channel.name(), message.messageId()).flatMap(tx.tickets()::find)
                    .orElseThrow(() -> new IllegalStateException("message claimed but never filed"));
            return Intake.of(duplicate(channel), ticket);
        }
        boolean anonymous = channel.channel() instanceof AnonymousSenders;
        // A sender nothing proves joins no conversation: a ticket number or an address is no proof of being its customer.
        var answered = anonymous ? Optional.<Ticket>empty() : ConversationThread.of(tx, channel.name(), message);
        Ticket ticket;
        boolean opened = answered.filter(t -> t.status() != TicketStatus.CLOSED).isEmpty();
        if (opened) {
            var settings = channel.settings();
            // An answer to a closed ticket is that ticket's customer's, whoever of them writes.
            var customer = answered.map(closed -> survivorOf(tx, closed.customerId())).orElseGet(() -> (anonymous
                    ? customers.forAnonymous(tx, actor, message.from(), settings.intake(), now)
                    : customers.forCorrespondent(tx, actor, message.from(), settings.intake(), now)).id());
            var request = OpenTicket.builder().customer(customer).type(settings.ticketType())
                    .description(message.body().isBlank() ? message.subject().orElse("(no text)") : message.body())
                    .priority(settings.priority()).channel(settings.intake());
            message.subject().map(ConversationThread::withoutTicketTag).ifPresent(request::title);
            // A closed ticket stays closed (SPEC §4); the new one refers to it.
            answered.ifPresent(closed -> request.relatedTo(closed.id()));
            ticket = tickets.open(tx, actor, request.build());
        } else {
            ticket = tickets.customerWrote(tx, actor, answered.get(), now);
        }
        tx.conversations().add(new TicketMessage(ticket.id(), channel.name(), TicketMessage.Direction.INBOUND,
                message.messageId(), message.from(), message.subject(), message.body(), message.references(),
                message.threadKey(), message.sentAt()));
        tx.conversations().file(channel.name(), message.messageId(), ticket.id());
        tx.outbox().append(new CustomerMessageReceived(ticket.id(), ticket.number(), channel.name(), opened,
                ticket.assigneeId(), now, actor.userId()));
        return Intake.of(opened ? Intake.Kind.OPENED : Intake.Kind.APPENDED, ticket);
    }

    /**
     * How a message filed before is answered: DUPLICATE, except on a channel of anonymous senders, whose every post is
     * answered alike, so that the answer tells nothing about what exists.
     */
    private static Intake.Kind duplicate(ChannelInstance channel) {
        return channel.channel() instanceof AnonymousSenders ? Intake.Kind.OPENED : Intake.Kind.DUPLICATE;
    }

    /** The customer that {@code id} was merged into, if it was, and so on: the one that takes new tickets. */
    private static CustomerId survivorOf(Transaction tx, CustomerId id) {
        var current = id;
        for (int hop = 0; hop < 16; hop++) { // merges form chains, never cycles: the bound only stops corrupt data
            var next = tx.customers().find(current).flatMap(Customer::mergedInto);
            if (next.isEmpty()) {
                return current;
            }
            current = next.get();
        }
        return current;
    }

    private static TicketMessage masked(TicketMessage m) {
        var who = m.correspondent();
        var hidden = new Correspondent(who.name().filter(name -> !CorrespondentName.isContactData(name, who)),
                who.email().map(PersonalData::maskEmail),
                who.phone().map(PersonalData::maskPhone), who.handle());
        return new TicketMessage(m.ticketId(), m.channel(), m.direction(), m.messageId(), hidden, m.subject(), m.body(),
                m.references(), m.threadKey(), m.at());
    }

    @Override
    public List<SetAsideMessage> setAside(Actor actor, int limit) {
        if (!actor.has(Permission.EVENTS_ADMIN)) {
            throw ForbiddenException.missing(Permission.EVENTS_ADMIN.key());
        }
        if (limit < 1 || limit > 200) {
            throw new ValidationException(FieldError.of("limit", "must be between 1 and 200"));
        }
        return transactions.read(tx -> tx.conversations().setAside(limit));
    }

    /**
     * Records what a channel set aside, for an administrator (the channel logged each message already). A channel
     * reports each message once, so when the storage cannot be written the ids are logged instead: the messages
     * themselves wait in the channel's own place.
     */
    void recordSetAside(ChannelInstance channel, List<SetAside> messages) {
        try {
            transactions.write(tx -> {
                messages.forEach(m -> tx.conversations().setAside(new SetAsideMessage(channel.name(), m.messageId(),
                        m.reason(), m.place(), m.at())));
                return null;
            });
        } catch (RuntimeException e) {
            warn("Recording " + messages.size() + " message(s) channel " + channel.name() + " set aside failed ("
                    + messages.stream().map(SetAside::messageId).toList() + ")", e);
        }
    }

    /** Stops reading the polling channels; they stay open for the replies still to be delivered through them. */
    public void stopReading() {
        polling.close();
    }

    /** Stops reading the channels and closes them. */
    @Override
    public void close() {
        polling.close();
        channels.values().forEach(c -> {
            if (c.pluginId().isPresent()) {
                PatientClose.close("channel-" + c.name(), c.channel());
            }
        });
    }

    /** Only the class: a plugin's message may echo a customer's mail. */
    static void warn(String what, Throwable e) {
        warn(what + ": " + e.getClass().getName());
    }

    static void warn(String what) {
        LOG.log(Level.WARNING, what);
    }
}
