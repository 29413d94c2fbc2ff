package dev.rapport.storage.jdbc;

import dev.rapport.api.Money;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.customer.PurchaseId;
import dev.rapport.api.event.AttachmentAdded;
import dev.rapport.api.event.CollaborationRequested;
import dev.rapport.api.event.CustomerCreated;
import dev.rapport.api.event.CustomerMessageReceived;
import dev.rapport.api.event.CustomerUpdated;
import dev.rapport.api.event.CustomersMerged;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.ExceptionRecorded;
import dev.rapport.api.event.FollowUpCompleted;
import dev.rapport.api.event.FollowUpDue;
import dev.rapport.api.event.FollowUpOverdue;
import dev.rapport.api.event.FollowUpScheduled;
import dev.rapport.api.event.FollowUpSkipped;
import dev.rapport.api.event.ImprovementCreated;
import dev.rapport.api.event.ImprovementSuggested;
import dev.rapport.api.event.ImprovementSuggestionDismissed;
import dev.rapport.api.event.ImprovementUpdated;
import dev.rapport.api.event.ImprovementVerified;
import dev.rapport.api.event.InteractionLogged;
import dev.rapport.api.event.PurchaseRecorded;
import dev.rapport.api.event.ProgressAdded;
import dev.rapport.api.event.ReplyQueued;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.SurveyCompleted;
import dev.rapport.api.event.SurveyInvited;
import dev.rapport.api.event.SurveyRequested;
import dev.rapport.api.event.TicketAccepted;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.event.TicketEscalated;
import dev.rapport.api.event.TicketReopened;
import dev.rapport.api.event.TicketResolved;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.event.TicketTagsChanged;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.OutboxEntry;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.ticket.AttachmentId;
import dev.rapport.api.ticket.CollaborationId;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcOutboxTest {
    private static final TicketId TICKET = TicketId.of("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
    private static final UserId ACTOR = UserId.of("agent-1");
    private static final DepartmentId AFTER_SALES = DepartmentId.of("after-sales");
    private static final ImprovementId IMPROVEMENT = ImprovementId.of("improvement-1");
    private static final SuggestionId SUGGESTION = SuggestionId.of("suggestion-1");

    @StorageTest
    void appendedEventsComeBackUndeliveredOldestFirstWithOptionalFieldsPresentOrEmpty(TestDatabase db) {
        var assigned = new TicketAssigned(TICKET, AFTER_SALES, Optional.of(UserId.of("expert-1")), T0, ACTOR);
        var backToQueue = new TicketAssigned(TICKET, AFTER_SALES, Optional.empty(), minutesAfterT0(1), ACTOR);
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> {
                tx.outbox().append(assigned);
                tx.outbox().append(backToQueue);
            });

            var undelivered = storage.get(tx -> tx.outbox().undelivered(10));

            assertThat(undelivered).extracting(OutboxEntry::event).containsExactly(assigned, backToQueue);
            assertThat(undelivered.get(0).position()).isLessThan(undelivered.get(1).position());
        }
    }

    @StorageTest
    void everyKindOfEventRoundTripsExactly(TestDatabase db) {
        var events = List.<DomainEvent>of(
                new CustomerCreated(CustomerId.of("customer-1"), "C2026000001", T0, ACTOR),
                new CustomerUpdated(CustomerId.of("customer-1"), 2, T0, ACTOR),
                new CustomersMerged(CustomerId.of("customer-1"), CustomerId.of("customer-2"), 3, 2, 1, 1, T0, ACTOR),
                new InteractionLogged(InteractionId.of("interaction-1"), CustomerId.of("customer-1"),
                        InteractionMethod.PHONE, ACTOR, T0, ACTOR),
                new PurchaseRecorded(PurchaseId.of("purchase-1"), CustomerId.of("customer-1"), LocalDate.of(2026, 11, 20),
                        Money.of("1200.5", "CNY"), Money.of("501200.5", "CNY"), T0, ACTOR),
                new TicketCreated(TICKET, "T2026000001", CustomerId.of("customer-1"), "COMPLAINT", Priority.P2,
                        AFTER_SALES, T0, ACTOR),
                new TicketAssigned(TICKET, AFTER_SALES, Optional.of(ACTOR), T0, ACTOR),
                new ProgressAdded(TICKET, TicketStatus.IN_PROGRESS, Visibility.CUSTOMER, true, T0, ACTOR),
                new TicketResolved(TICKET, CommunicationMethod.PORTAL, T0, ACTOR),
                new TicketReopened(TICKET, Opinion.UNSATISFIED, "Still \"broken\" – 仍然坏了", T0, ACTOR),
                new TicketClosed(TICKET, T0, ACTOR),
                new AttachmentAdded(TICKET, AttachmentId.of("attachment-1"), "报价单 \"Q4\".pdf", "application/pdf",
                        3_221_225_472L, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", T0, ACTOR),
                new SlaAlarmRaised(TICKET, "T2026000001", SlaTarget.FIRST_RESPONSE, SlaAlarm.BREACH,
                        minutesAfterT0(30), List.of(ACTOR, UserId.of("supervisor-1")), T0, ACTOR),
                new TicketEscalated(TICKET, EscalationLevel.FRONT_LINE, EscalationLevel.EXPERTS,
                        Optional.of("需要固件工程师"), false, List.of(UserId.of("expert-1")), T0, ACTOR),
                new TicketAccepted(TICKET, UserId.of("expert-1"), T0, UserId.of("expert-1")),
                new ExceptionRecorded(TICKET, ExceptionKind.EXTERNAL_BLOCKER, Optional.of(minutesAfterT0(600)), T0,
                        ACTOR),
                new CollaborationRequested(TICKET, CollaborationId.of("collaboration-1"), AFTER_SALES,
                        "请检查固件 \"2.4\"", List.of(UserId.of("expert-1"), UserId.of("supervisor-1")), T0, ACTOR),
                new CustomerMessageReceived(TICKET, "T2026000001", "support-mail", false, Optional.of(ACTOR), T0,
                        UserId.of("system")),
                new ReplyQueued(TICKET, "support-mail", "rapport.t2026000001.01", T0, ACTOR),
                new SurveyRequested(SurveyId.of("survey-1"), TICKET, "T2026000001", "link", minutesAfterT0(20_160), T0,
                        ACTOR),
                new SurveyInvited(SurveyId.of("survey-1"), TICKET, "T2026000001", "link", Optional.of("support-mail"),
                        T0, UserId.of("system")),
                new SurveyCompleted(SurveyId.of("survey-1"), TICKET, "T2026000001", 2, 3, 4, 5, 6, true, true,
                        List.of(ACTOR), T0, UserId.of("system")),
                new FollowUpScheduled(FollowUpId.of("follow-up-1"), FollowUpKind.SERVICE_RECOVERY,
                        CustomerId.of("customer-1"), Optional.of(TICKET), ACTOR, minutesAfterT0(1440), List.of(ACTOR),
                        T0, ACTOR),
                new FollowUpDue(FollowUpId.of("follow-up-1"), FollowUpKind.SATISFACTION_CHECK,
                        CustomerId.of("customer-1"), Optional.of(TICKET), ACTOR, T0, T0, ACTOR),
                new FollowUpOverdue(FollowUpId.of("follow-up-1"), FollowUpKind.RENEWAL, CustomerId.of("customer-1"),
                        Optional.empty(), ACTOR, T0, minutesAfterT0(900), ACTOR),
                new FollowUpCompleted(FollowUpId.of("follow-up-1"), FollowUpKind.MAINTENANCE,
                        CustomerId.of("customer-1"), Optional.empty(), InteractionId.of("interaction-1"), T0, ACTOR),
                new FollowUpSkipped(FollowUpId.of("follow-up-1"), FollowUpKind.USAGE_GUIDE, CustomerId.of("customer-1"),
                        Optional.of(TICKET), T0, ACTOR),
                new TicketTagsChanged(TICKET, List.of("invoice", "发票 \"VAT\""), T0, ACTOR),
                new ImprovementCreated(IMPROVEMENT, AFTER_SALES, ACTOR, Optional.of(SUGGESTION), T0, ACTOR),
                new ImprovementUpdated(IMPROVEMENT, ImprovementState.DONE, Optional.of(UserId.of("expert-1")), 3, T0,
                        ACTOR),
                new ImprovementVerified(IMPROVEMENT, 4, Optional.of(CustomerId.of("customer-1")),
                        ImprovementState.VERIFIED, T0, ACTOR),
                new ImprovementSuggested(SUGGESTION, "COMPLAINT", "发票 invoice", AFTER_SALES,
                        List.of(CustomerId.of("customer-1"), CustomerId.of("customer-2")), List.of(TICKET),
                        List.of(UserId.of("supervisor-1")), T0, ACTOR),
                new ImprovementSuggestionDismissed(SUGGESTION, "COMPLAINT", "invoice", "A one-off \"glitch\"", T0,
                        ACTOR));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> events.forEach(tx.outbox()::append));

            var undelivered = storage.get(tx -> tx.outbox().undelivered(50));

            assertThat(events.stream().map(Object::getClass).toList())
                    .containsExactlyInAnyOrder(DomainEvent.class.getPermittedSubclasses());
            assertThat(undelivered).extracting(OutboxEntry::event).containsExactlyElementsOf(events);
        }
    }

    @StorageTest
    void deliveredEventsAreNotHandedOutAgainAndTheLimitIsKept(TestDatabase db) {
        var events = List.of(new TicketClosed(TICKET, T0, ACTOR), new TicketClosed(TICKET, minutesAfterT0(1), ACTOR),
                new TicketClosed(TICKET, minutesAfterT0(2), ACTOR));
        try (var storage = TestStorage.on(db)) {
            storage.run(tx -> events.forEach(tx.outbox()::append));

            var firstTwo = storage.get(tx -> tx.outbox().undelivered(2));
            storage.run(tx -> tx.outbox().markDelivered(firstTwo.stream().map(OutboxEntry::position).toList()));
            storage.run(tx -> tx.outbox().markDelivered(List.of()));
            var rest = storage.get(tx -> tx.outbox().undelivered(10));

            assertThat(firstTwo).extracting(OutboxEntry::event).containsExactly(events.get(0), events.get(1));
            assertThat(rest).extracting(OutboxEntry::event).containsExactly(events.get(2));
        }
    }
}
