package dev.rapport.core.internal.status;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.StatusLink;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.status.CustomerStatus;
import dev.rapport.api.status.StatusEntry;
import dev.rapport.api.status.StatusView;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.channel.SharedRateLimit;
import dev.rapport.core.internal.survey.SurveyLanguage;
import dev.rapport.core.internal.ticket.TicketService;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Customers' status pages: the link's token finds its ticket and resolution; the customer sees their own ticket's
 * status, customer-visible progress and that resolution's solution, and confirms it once, as themselves.
 */
public final class StatusService implements CustomerStatus {
    private static final String RATE_SCOPE = "status";

    private final Transactions transactions;
    private final Clock clock;
    private final TicketService tickets;
    private final StatusLinkSettings settings;
    private final SharedRateLimit rateLimit;

    public StatusService(Transactions transactions, Clock clock, TicketService tickets, StatusLinkSettings settings) {
        this.transactions = transactions;
        this.clock = clock;
        this.tickets = tickets;
        this.settings = settings;
        this.rateLimit = new SharedRateLimit(transactions, clock, "status.rate-limited",
                "Too many requests from this address; try again later");
    }

    @Override
    public StatusView view(String token, String clientAddress) {
        rateLimit.acquire(RATE_SCOPE, clientAddress, settings.rateLimit(), settings.rateWindow());
        return transactions.read(tx -> {
            var link = byToken(tx, token);
            Instant now = clock.instant();
            if (!now.isBefore(link.expiresAt())) {
                throw expired();
            }
            return view(tx, link, ticketOf(tx, link), now);
        });
    }

    @Override
    public StatusView confirm(String token, Opinion opinion, Optional<String> comment, String clientAddress) {
        rateLimit.acquire(RATE_SCOPE, clientAddress, settings.rateLimit(), settings.rateWindow());
        return transactions.write(tx -> {
            var link = byToken(tx, token);
            var ticket = ticketOf(tx, link);
            if (!awaitsAnswer(tx, link, ticket)) {
                throw ConflictException.of("status.answered", "This resolution has been answered already, or it no "
                        + "longer stands; it takes one answer");
            }
            if (!clock.instant().isBefore(link.expiresAt())) {
                throw expired();
            }
            var customer = new Actor(UserId.of("customer:" + ticket.customerId().value()), Optional.empty(),
                    Set.of());
            var confirmed = tickets.confirmByCustomer(tx, customer, ticket, opinion,
                    comment == null ? Optional.empty() : comment);
            return view(tx, link, confirmed, clock.instant());
        });
    }

    /** Whether the link's resolution is the ticket's, RESOLVED, and nobody confirmed it yet. */
    private static boolean awaitsAnswer(Transaction tx, StatusLink link, Ticket ticket) {
        return ticket.status() == TicketStatus.RESOLVED
                && ticket.resolution().map(Resolution::at).filter(link.resolvedAt()::equals).isPresent()
                && tx.tickets().confirmations(ticket.id()).stream().noneMatch(c -> !c.at().isBefore(link.resolvedAt()));
    }

    private static StatusView view(Transaction tx, StatusLink link, Ticket ticket, Instant now) {
        var progress = tx.tickets().progress(ticket.id()).stream()
                .filter(p -> p.visibility() == Visibility.CUSTOMER)
                .map(p -> new StatusEntry(p.at(), p.action())).toList();
        var solution = ticket.resolution().filter(r -> r.at().equals(link.resolvedAt())).map(Resolution::solution);
        boolean canConfirm = now.isBefore(link.expiresAt()) && awaitsAnswer(tx, link, ticket);
        return new StatusView(ticket.number(), ticket.status(), ticket.title(), progress, solution, canConfirm,
                link.expiresAt(), SurveyLanguage.of(tx.conversations().of(ticket.id())));
    }

    private static StatusLink byToken(Transaction tx, String token) {
        return (token == null || token.isBlank() ? Optional.<StatusLink>empty()
                : tx.statusLinks().find(Tokens.hash(token)))
                .orElseThrow(() -> NotFoundException.of("status link", "behind this link"));
    }

    private static Ticket ticketOf(Transaction tx, StatusLink link) {
        return tx.tickets().find(link.ticketId())
                .orElseThrow(() -> NotFoundException.of("status link", "behind this link"));
    }

    private static GoneException expired() {
        return GoneException.of("status.expired", "This link has expired; ask us for the ticket's status");
    }
}
