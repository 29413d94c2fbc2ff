package dev.rapport.api.spi.storage;

/** The repositories of one open transaction. Valid only inside {@link Storage#inTransaction}. */
public interface Transaction {
    /** Customers and their contacts. */
    CustomerStore customers();

    /** Tickets with their progress and confirmations. */
    TicketStore tickets();

    /** The communication log of customers. */
    InteractionStore interactions();

    /** Customers' purchases. */
    PurchaseStore purchases();

    /** Users and their password hashes. */
    UserStore users();

    /** The roles admins define, and the permissions each grants. */
    RoleStore roles();

    /** Login sessions. */
    SessionStore sessions();

    /** Failed logins per employee id and client address. */
    LoginFailureStore loginFailures();

    /** Departments. */
    DepartmentStore departments();

    /** The ticket-type catalog. */
    TicketTypeStore ticketTypes();

    /** The SLA policy and business calendars. */
    SlaSettingsStore slaSettings();

    /** The metadata of tickets' attachments. */
    AttachmentStore attachments();

    /** The exceptions recorded on tickets. */
    TicketExceptionStore ticketExceptions();

    /** The collaboration requests recorded on tickets. */
    CollaborationStore collaborations();

    /** The watchers of tickets. */
    WatcherStore watchers();

    /** Tickets' conversations on channels, and the inbound messages filed. */
    ConversationStore conversations();

    /** Improvements and their verifications. */
    ImprovementStore improvements();

    /** Improvement suggestions and their tickets. */
    SuggestionStore suggestions();

    /** The aggregates reports are computed from. */
    ReportStore reports();
    /** Hits of the rate limits every node shares. */
    RateLimitStore rateLimits();

    /** Tickets' satisfaction surveys. */
    SurveyStore surveys();

    /** The links customers follow to their ticket's status page. */
    StatusLinkStore statusLinks();
    /** Users' in-app notices. */
    NoticeStore notices();

    /** Follow-ups: after closure, by maintenance plan, before renewal, for service recovery. */
    FollowUpStore followUps();

    /** The audit trail. */
    AuditLog audit();

    /** Events waiting for delivery. */
    Outbox outbox();

    /** The delivery state of each event for each subscriber. */
    DeliveryStore deliveries();

    /** Counts for an operator's gauges: SLA lists, delivery backlog, dead letters. */
    FigureStore figures();

    /** The next value of a counter; values are unique across nodes and may have gaps. */
    long next(Counter counter);
}
