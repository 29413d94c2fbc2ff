package dev.rapport.core.internal.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.event.CollaborationRequested;
import dev.rapport.api.event.FollowUpDue;
import dev.rapport.api.event.FollowUpOverdue;
import dev.rapport.api.event.FollowUpScheduled;
import dev.rapport.api.event.ImprovementCreated;
import dev.rapport.api.event.ImprovementSuggested;
import dev.rapport.api.event.ImprovementUpdated;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.event.TicketEscalated;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.CollaborationId;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.TicketId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientsTest {
    private static final TicketId TICKET = TicketId.of("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");
    private static final UserId ACTOR = UserId.of("actor");
    private static final UserId ANNA = UserId.of("anna");
    private static final UserId BO = UserId.of("bo");
    private static final DepartmentId SALES = DepartmentId.of("sales");

    @Test
    void theEventsThatNamePeopleNameThemEachOnceInOrder() {
        assertThat(Recipients.named(new SlaAlarmRaised(TICKET, "T1", SlaTarget.RESOLUTION, SlaAlarm.BREACH, AT,
                List.of(BO, ANNA, BO), AT, ACTOR))).containsExactly(BO, ANNA);
        assertThat(Recipients.named(new TicketEscalated(TICKET, EscalationLevel.FRONT_LINE, EscalationLevel.EXPERTS,
                Optional.empty(), true, List.of(ANNA), AT, ACTOR))).containsExactly(ANNA);
        assertThat(Recipients.named(new CollaborationRequested(TICKET, CollaborationId.of("c1"), SALES, "help",
                List.of(ANNA, BO), AT, ACTOR))).containsExactly(ANNA, BO);
        assertThat(Recipients.named(new TicketAssigned(TICKET, SALES, Optional.of(BO), AT, ACTOR))).containsExactly(BO);
    }

    @Test
    void aFollowUpFallingDueOrOverdueIsForItsOwnerAndAScheduledOneForWhomItNames() {
        var followUp = FollowUpId.of("f1");
        var customer = CustomerId.of("c");
        assertThat(Recipients.named(new FollowUpDue(followUp, FollowUpKind.SATISFACTION_CHECK, customer,
                Optional.of(TICKET), ANNA, AT, AT, ACTOR))).containsExactly(ANNA);
        assertThat(Recipients.named(new FollowUpOverdue(followUp, FollowUpKind.RENEWAL, customer, Optional.empty(),
                BO, AT, AT, ACTOR))).containsExactly(BO);
        assertThat(Recipients.named(new FollowUpScheduled(followUp, FollowUpKind.SERVICE_RECOVERY, customer,
                Optional.of(TICKET), BO, AT, List.of(BO), AT, ACTOR))).containsExactly(BO);
        assertThat(Recipients.named(new FollowUpScheduled(followUp, FollowUpKind.USAGE_GUIDE, customer,
                Optional.of(TICKET), BO, AT, List.of(), AT, ACTOR))).isEmpty();
    }

    @Test
    void aSuggestionGoesToTheSupervisorsItNamesAndAnImprovementToItsOwner() {
        var improvement = ImprovementId.of("i1");
        assertThat(Recipients.named(new ImprovementSuggested(SuggestionId.of("s1"), "COMPLAINT", "invoice", SALES,
                List.of(CustomerId.of("c")), List.of(TICKET), List.of(ANNA, BO), AT, ACTOR))).containsExactly(ANNA, BO);
        assertThat(Recipients.named(new ImprovementCreated(improvement, SALES, BO, Optional.empty(), AT, ACTOR)))
                .containsExactly(BO);
        assertThat(Recipients.named(new ImprovementUpdated(improvement, ImprovementState.IN_PROGRESS,
                Optional.of(ANNA), 2, AT, ACTOR))).containsExactly(ANNA);
        assertThat(Recipients.named(new ImprovementUpdated(improvement, ImprovementState.DONE, Optional.empty(), 3,
                AT, ACTOR))).isEmpty();
    }

    @Test
    void eventsThatNameNoOneHaveNoRecipients() {
        assertThat(Recipients.named(new TicketAssigned(TICKET, SALES, Optional.empty(), AT, ACTOR))).isEmpty();
        assertThat(Recipients.named(new TicketCreated(TICKET, "T1", CustomerId.of("c"), "COMPLAINT", Priority.P1, SALES,
                AT, ACTOR))).isEmpty();
    }
}
