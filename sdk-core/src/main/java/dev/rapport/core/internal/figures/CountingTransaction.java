package dev.rapport.core.internal.figures;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.spi.storage.AttachmentStore;
import dev.rapport.api.spi.storage.AuditLog;
import dev.rapport.api.spi.storage.CollaborationStore;
import dev.rapport.api.spi.storage.ConversationStore;
import dev.rapport.api.spi.storage.Counter;
import dev.rapport.api.spi.storage.CustomerStore;
import dev.rapport.api.spi.storage.DeliveryStore;
import dev.rapport.api.spi.storage.DepartmentStore;
import dev.rapport.api.spi.storage.FigureStore;
import dev.rapport.api.spi.storage.FollowUpStore;
import dev.rapport.api.spi.storage.ImprovementStore;
import dev.rapport.api.spi.storage.InteractionStore;
import dev.rapport.api.spi.storage.LoginFailureStore;
import dev.rapport.api.spi.storage.Outbox;
import dev.rapport.api.spi.storage.OutboxEntry;
import dev.rapport.api.spi.storage.PurchaseStore;
import dev.rapport.api.spi.storage.RateLimitStore;
import dev.rapport.api.spi.storage.NoticeStore;
import dev.rapport.api.spi.storage.StatusLinkStore;
import dev.rapport.api.spi.storage.ReportStore;
import dev.rapport.api.spi.storage.RoleStore;
import dev.rapport.api.spi.storage.SessionStore;
import dev.rapport.api.spi.storage.SlaSettingsStore;
import dev.rapport.api.spi.storage.SuggestionStore;
import dev.rapport.api.spi.storage.SurveyStore;
import dev.rapport.api.spi.storage.TicketExceptionStore;
import dev.rapport.api.spi.storage.TicketStore;
import dev.rapport.api.spi.storage.TicketTypeStore;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.spi.storage.UserStore;
import dev.rapport.api.spi.storage.WatcherStore;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A transaction that hands every event appended to its outbox to {@code appended} as well, with the priority of a
 * closed ticket read in the same transaction ({@link TicketClosed} does not carry it): what {@link Tally} counts
 * once the transaction commits. Everything else goes to the storage's transaction as it is.
 */
final class CountingTransaction implements Transaction {
    /** An appended event, and for a closing the ticket's priority. */
    record Appended(DomainEvent event, Optional<Priority> closedPriority) {
    }

    private final Transaction tx;
    private final Outbox outbox;

    CountingTransaction(Transaction tx, Consumer<Appended> appended) {
        this.tx = tx;
        var inner = tx.outbox();
        this.outbox = new Outbox() {
            @Override
            public void append(DomainEvent event) {
                inner.append(event);
                Optional<Priority> priority = event instanceof TicketClosed closed
                        ? tx.tickets().find(closed.ticketId()).map(Ticket::priority) : Optional.empty();
                appended.accept(new Appended(event, priority));
            }

            @Override
            public List<OutboxEntry> undelivered(int limit) {
                return inner.undelivered(limit);
            }

            @Override
            public void markDelivered(Collection<Long> positions) {
                inner.markDelivered(positions);
            }
        };
    }

    @Override
    public CustomerStore customers() {
        return tx.customers();
    }

    @Override
    public TicketStore tickets() {
        return tx.tickets();
    }

    @Override
    public InteractionStore interactions() {
        return tx.interactions();
    }

    @Override
    public PurchaseStore purchases() {
        return tx.purchases();
    }

    @Override
    public UserStore users() {
        return tx.users();
    }

    @Override
    public RoleStore roles() {
        return tx.roles();
    }

    @Override
    public SessionStore sessions() {
        return tx.sessions();
    }

    @Override
    public LoginFailureStore loginFailures() {
        return tx.loginFailures();
    }

    @Override
    public DepartmentStore departments() {
        return tx.departments();
    }

    @Override
    public TicketTypeStore ticketTypes() {
        return tx.ticketTypes();
    }

    @Override
    public SlaSettingsStore slaSettings() {
        return tx.slaSettings();
    }

    @Override
    public AttachmentStore attachments() {
        return tx.attachments();
    }

    @Override
    public TicketExceptionStore ticketExceptions() {
        return tx.ticketExceptions();
    }

    @Override
    public CollaborationStore collaborations() {
        return tx.collaborations();
    }

    @Override
    public WatcherStore watchers() {
        return tx.watchers();
    }

    @Override
    public ConversationStore conversations() {
        return tx.conversations();
    }

    @Override
    public ImprovementStore improvements() {
        return tx.improvements();
    }

    @Override
    public SuggestionStore suggestions() {
        return tx.suggestions();
    }

    @Override
    public ReportStore reports() {
        return tx.reports();
    }

    @Override
    public RateLimitStore rateLimits() {
        return tx.rateLimits();
    }

    @Override
    public StatusLinkStore statusLinks() {
        return tx.statusLinks();
    }

    @Override
    public NoticeStore notices() {
        return tx.notices();
    }

    @Override
    public SurveyStore surveys() {
        return tx.surveys();
    }

    @Override
    public FollowUpStore followUps() {
        return tx.followUps();
    }

    @Override
    public AuditLog audit() {
        return tx.audit();
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public DeliveryStore deliveries() {
        return tx.deliveries();
    }

    @Override
    public FigureStore figures() {
        return tx.figures();
    }

    @Override
    public long next(Counter counter) {
        return tx.next(counter);
    }
}
