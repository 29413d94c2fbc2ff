package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.AttachmentStore;
import dev.rapport.api.spi.storage.AuditLog;
import dev.rapport.api.spi.storage.RateLimitStore;
import dev.rapport.api.spi.storage.NoticeStore;
import dev.rapport.api.spi.storage.StatusLinkStore;
import dev.rapport.api.spi.storage.CollaborationStore;
import dev.rapport.api.spi.storage.ConversationStore;
import dev.rapport.api.spi.storage.Counter;
import dev.rapport.api.spi.storage.CustomerStore;
import dev.rapport.api.spi.storage.DeliveryStore;
import dev.rapport.api.spi.storage.FigureStore;
import dev.rapport.api.spi.storage.DepartmentStore;
import dev.rapport.api.spi.storage.FollowUpStore;
import dev.rapport.api.spi.storage.ImprovementStore;
import dev.rapport.api.spi.storage.InteractionStore;
import dev.rapport.api.spi.storage.LoginFailureStore;
import dev.rapport.api.spi.storage.Outbox;
import dev.rapport.api.spi.storage.PurchaseStore;
import dev.rapport.api.spi.storage.ReportStore;
import dev.rapport.api.spi.storage.RoleStore;
import dev.rapport.api.spi.storage.SessionStore;
import dev.rapport.api.spi.storage.SlaSettingsStore;
import dev.rapport.api.spi.storage.SurveyStore;
import dev.rapport.api.spi.storage.SuggestionStore;
import dev.rapport.api.spi.storage.TicketExceptionStore;
import dev.rapport.api.spi.storage.TicketStore;
import dev.rapport.api.spi.storage.TicketTypeStore;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.spi.storage.UserStore;
import dev.rapport.api.spi.storage.WatcherStore;
import org.jdbi.v3.core.Handle;

import java.time.Clock;

/** The stores of one Jdbi transaction; all of them write through the same handle and commit together. */
final class JdbcTransaction implements Transaction {
    private final Handle handle;
    private final Dialect dialect;
    private final CustomerStore customers;
    private final TicketStore tickets;
    private final InteractionStore interactions;
    private final PurchaseStore purchases;
    private final UserStore users;
    private final JdbcRoleStore roles;
    private final SessionStore sessions;
    private final LoginFailureStore loginFailures;
    private final DepartmentStore departments;
    private final TicketTypeStore ticketTypes;
    private final AttachmentStore attachments;
    private final TicketExceptionStore ticketExceptions;
    private final CollaborationStore collaborations;
    private final WatcherStore watchers;
    private final SlaSettingsStore slaSettings;
    private final AuditLog audit;
    private final Outbox outbox;
    private final DeliveryStore deliveries;
    private final ConversationStore conversations;
    private final RateLimitStore rateLimits;
    private final StatusLinkStore statusLinks;
    private final NoticeStore notices;
    private final ImprovementStore improvements;
    private final SuggestionStore suggestions;
    private final ReportStore reports;
    private final SurveyStore surveys;
    private final FollowUpStore followUps;
    private final FigureStore figures;

    JdbcTransaction(Handle handle, Dialect dialect, JsonCodec json, Clock clock) {
        this.handle = handle;
        this.dialect = dialect;
        this.customers = new JdbcCustomerStore(handle, json);
        this.tickets = new JdbcTicketStore(handle, dialect, json);
        this.interactions = new JdbcInteractionStore(handle, json);
        this.purchases = new JdbcPurchaseStore(handle);
        this.roles = new JdbcRoleStore(handle, json);
        this.users = new JdbcUserStore(handle, json, roles);
        this.sessions = new JdbcSessionStore(handle);
        this.loginFailures = new JdbcLoginFailureStore(handle, dialect);
        this.departments = new JdbcDepartmentStore(handle, dialect);
        this.ticketTypes = new JdbcTicketTypeStore(handle, dialect);
        this.attachments = new JdbcAttachmentStore(handle);
        this.ticketExceptions = new JdbcTicketExceptionStore(handle);
        this.collaborations = new JdbcCollaborationStore(handle);
        this.watchers = new JdbcWatcherStore(handle);
        this.slaSettings = new JdbcSlaSettingsStore(handle, dialect, json);
        this.audit = new JdbcAuditLog(handle, json);
        this.outbox = new JdbcOutbox(handle, json, clock);
        this.deliveries = new JdbcDeliveryStore(handle, dialect, json);
        this.conversations = new JdbcConversationStore(handle, dialect, json);
        this.rateLimits = new JdbcRateLimitStore(handle, dialect);
        this.statusLinks = new JdbcStatusLinkStore(handle);
        this.notices = new JdbcNoticeStore(handle, dialect);
        this.improvements = new JdbcImprovementStore(handle, json);
        this.suggestions = new JdbcSuggestionStore(handle, dialect);
        this.reports = new JdbcReportStore(handle);
        this.surveys = new JdbcSurveyStore(handle);
        this.followUps = new JdbcFollowUpStore(handle, dialect);
        this.figures = new JdbcFigureStore(handle);
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public InteractionStore interactions() {
        return interactions;
    }

    @Override
    public PurchaseStore purchases() {
        return purchases;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public RoleStore roles() {
        return roles;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public LoginFailureStore loginFailures() {
        return loginFailures;
    }

    @Override
    public DepartmentStore departments() {
        return departments;
    }

    @Override
    public TicketTypeStore ticketTypes() {
        return ticketTypes;
    }

    @Override
    public AttachmentStore attachments() {
        return attachments;
    }

    @Override
    public TicketExceptionStore ticketExceptions() {
        return ticketExceptions;
    }

    @Override
    public CollaborationStore collaborations() {
        return collaborations;
    }

    @Override
    public WatcherStore watchers() {
        return watchers;
    }

    @Override
    public RateLimitStore rateLimits() {
        return rateLimits;
    }

    @Override
    public StatusLinkStore statusLinks() {
        return statusLinks;
    }

    @Override
    public NoticeStore notices() {
        return notices;
    }

    @Override
    public ConversationStore conversations() {
        return conversations;
    }

    @Override
    public ReportStore reports() {
        return reports;
    }

    @Override
    public SurveyStore surveys() {
        return surveys;
    }

    @Override
    public FollowUpStore followUps() {
        return followUps;
    }

    @Override
    public SlaSettingsStore slaSettings() {
        return slaSettings;
    }

    @Override
    public ImprovementStore improvements() {
        return improvements;
    }

    @Override
    public SuggestionStore suggestions() {
        return suggestions;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public DeliveryStore deliveries() {
        return deliveries;
    }

    /** A database sequence per counter: unique across nodes, never rolled back, so gaps are possible. */
    @Override
    public long next(Counter counter) {
        String sequence = switch (counter) {
            case CUSTOMER_CODE -> "customer_code_seq";
            case TICKET_NUMBER -> "ticket_number_seq";
        };
        return DirectSql.first(handle, dialect.nextValue(sequence), statement -> { }, rs -> rs.getLong(1)).orElseThrow();
    }

    @Override
    public FigureStore figures() {
        return figures;
    }
}
