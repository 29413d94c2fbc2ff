package dev.rapport.testkit;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.event.CollaborationRequested;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.FollowUpDue;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.event.TicketEscalated;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Recipient;
import dev.rapport.api.ticket.CollaborationId;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.TicketId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Notifications built from real domain events, as the SDK would hand them to a notifier: one ticket's life in the
 * Shanghai morning of {@link TestPluginContext#START}, with recipients writing Chinese and English, with and without
 * an e-mail address, and free text that needs escaping (quotes, a line break, a tab, CJK). {@link #followUpDue()} is
 * the follow-up that comes of it three days later, a subject of its own and so not among {@link #all()}.
 */
public final class SampleNotifications {
    /** The ticket every sample is about. */
    public static final TicketId TICKET = TicketId.of("t-0001");
    /** Its number as people see it. */
    public static final String NUMBER = "T202603020001";
    /** The agent who works the ticket: writes Chinese, has an address. */
    public static final Recipient AGENT = new Recipient(UserId.of("u-agent-li"), "李娜",
            Optional.of("li.na@rapport.example"), Locale.forLanguageTag("zh-CN"));
    /** A supervisor: writes English, has an address. */
    public static final Recipient SUPERVISOR = new Recipient(UserId.of("u-supervisor-sam"), "Sam Taylor",
            Optional.of("sam.taylor@rapport.example"), Locale.ENGLISH);
    /** An expert without an e-mail address. */
    public static final Recipient EXPERT_WITHOUT_ADDRESS = new Recipient(UserId.of("u-expert-wang"), "王强",
            Optional.empty(), Locale.forLanguageTag("zh-CN"));
    /** The follow-up the follow-up samples are about. */
    public static final FollowUpId FOLLOW_UP = FollowUpId.of("f-0001");
    /** Free text as people type it, with characters every format must escape. */
    public static final String AWKWARD_TEXT = "请核对 \"发票\" 金额 \\ 100%\n第二行\tend </script>";

    private static final UserId ACTOR = UserId.of("u-agent-li");
    private static final DepartmentId SUPPORT = DepartmentId.of("d-support");

    private SampleNotifications() {
    }

    /** A P1 complaint was opened; the agent and the supervisor are told. */
    public static Notification ticketCreated() {
        return notification("n-0001", new TicketCreated(TICKET, NUMBER, CustomerId.of("c-0042"), "COMPLAINT",
                Priority.P1, SUPPORT, at(0), ACTOR), AGENT, SUPERVISOR);
    }

    /** The ticket was assigned to the agent. */
    public static Notification ticketAssigned() {
        return notification("n-0002", new TicketAssigned(TICKET, SUPPORT, Optional.of(AGENT.id()), at(2), ACTOR),
                AGENT);
    }

    /** 80 % of the first-response target passed: the assignee is warned. */
    public static Notification slaWarning() {
        return notification("n-0003", new SlaAlarmRaised(TICKET, NUMBER, SlaTarget.FIRST_RESPONSE, SlaAlarm.WARNING,
                at(30), List.of(AGENT.id()), at(24), ACTOR), AGENT);
    }

    /** The first-response target was missed: the supervisors are told. */
    public static Notification slaBreach() {
        return notification("n-0004", new SlaAlarmRaised(TICKET, NUMBER, SlaTarget.FIRST_RESPONSE, SlaAlarm.BREACH,
                at(30), List.of(SUPERVISOR.id()), at(30), ACTOR), SUPERVISOR);
    }

    /** The breach escalated the ticket to the experts, one of whom has no address. */
    public static Notification ticketEscalated() {
        return notification("n-0005", new TicketEscalated(TICKET, EscalationLevel.FRONT_LINE, EscalationLevel.EXPERTS,
                Optional.of(AWKWARD_TEXT), true, List.of(EXPERT_WITHOUT_ADDRESS.id(), SUPERVISOR.id()), at(30), ACTOR),
                EXPERT_WITHOUT_ADDRESS, SUPERVISOR);
    }

    /** Finance was asked for help, in awkward free text. */
    public static Notification collaborationRequested() {
        return notification("n-0006", new CollaborationRequested(TICKET, CollaborationId.of("co-0001"),
                DepartmentId.of("d-finance"), AWKWARD_TEXT, List.of(SUPERVISOR.id()), at(40), ACTOR), SUPERVISOR);
    }

    /** The ticket was closed: an event that names no one. */
    public static Notification ticketClosed() {
        return notification("n-0007", new TicketClosed(TICKET, at(90), ACTOR));
    }

    /** Three days after the closure, the agent's satisfaction check of the ticket's customer falls due. */
    public static Notification followUpDue() {
        return notification("n-0008", new FollowUpDue(FOLLOW_UP, FollowUpKind.SATISFACTION_CHECK,
                CustomerId.of("c-0042"), Optional.of(TICKET), AGENT.id(), at(3 * 24 * 60), at(3 * 24 * 60),
                UserId.of("system")), AGENT);
    }

    /** Every sample about the ticket (all but {@link #followUpDue()}), in the order they happened. */
    public static List<Notification> all() {
        return List.of(ticketCreated(), ticketAssigned(), slaWarning(), slaBreach(), ticketEscalated(),
                collaborationRequested(), ticketClosed());
    }

    /** {@code notification} delivered again: the same id, the next attempt. */
    public static Notification again(Notification notification) {
        return new Notification(notification.id(), notification.event(), notification.recipients(),
                notification.attempt() + 1);
    }

    /** A first delivery of {@code event} to {@code recipients}. */
    public static Notification notification(String id, DomainEvent event, Recipient... recipients) {
        return new Notification(id, event, List.of(recipients), 1);
    }

    private static Instant at(int minutes) {
        return TestPluginContext.START.plus(Duration.ofMinutes(minutes));
    }
}
