package dev.rapport.core.internal.sla;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.api.ticket.SlaTarget.CUSTOMER_UPDATE;
import static dev.rapport.api.ticket.SlaTarget.FIRST_RESPONSE;
import static dev.rapport.api.ticket.SlaTarget.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5: the default targets, business hours, pausing while the customer is awaited, and the 80 % warnings. */
class SlaClockTest {
    private static final SlaRules RULES = SlaRules.defaults();

    /** A time in Shanghai, where the default calendars are; 2026-11-23 is a Monday. */
    private static Instant at(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant();
    }

    @Test
    void p1CountsAroundTheClock() {
        var sla = SlaClock.start(RULES, Priority.P1, at("2026-11-27T23:00"), Optional.empty());

        assertThat(sla.firstResponseDue()).isEqualTo(at("2026-11-27T23:30"));
        assertThat(sla.resolutionDue()).isEqualTo(at("2026-11-28T23:00"));
        assertThat(sla.nextUpdateDue()).isEqualTo(sla.firstResponseDue());
        assertThat(sla.updateCadence()).hasHours(2);
        assertThat(sla.calendarId()).isEqualTo("24x7");
        assertThat(sla.running()).containsExactlyInAnyOrder(FIRST_RESPONSE, RESOLUTION);
    }

    @Test
    void p2CountsBusinessHoursAndTenBusinessDays() {
        var sla = SlaClock.start(RULES, Priority.P2, at("2026-11-23T10:00"), Optional.empty());

        // 24 working hours: Monday 8, Tuesday 9, Wednesday 7.
        assertThat(sla.firstResponseDue()).isEqualTo(at("2026-11-25T16:00"));
        assertThat(sla.resolutionDue()).isEqualTo(at("2026-12-07T10:00"));
        assertThat(sla.calendarId()).isEqualTo("business-hours");
    }

    @Test
    void p2TakesTheAgreedPlanDateInsteadOfTenDays() {
        var sla = SlaClock.start(RULES, Priority.P2, at("2026-11-23T10:00"), Optional.of(at("2026-12-31T00:00")));

        assertThat(sla.resolutionDue()).isEqualTo(at("2026-12-31T00:00"));
    }

    @Test
    void p3OpenedLateOnFridayIsDueOnMonday() {
        var sla = SlaClock.start(RULES, Priority.P3, at("2026-11-27T17:00"), Optional.empty());

        assertThat(sla.firstResponseDue()).isEqualTo(at("2026-11-30T10:00"));
        // 48 working hours: Friday 1, five days of 9, then 2 on the Monday after.
        assertThat(sla.resolutionDue()).isEqualTo(at("2026-12-07T11:00"));
    }

    @Test
    void p4GetsFortyEightAndSeventyTwoBusinessHours() {
        var sla = SlaClock.start(RULES, Priority.P4, at("2026-11-23T10:00"), Optional.empty());

        assertThat(sla.firstResponseDue()).isEqualTo(at("2026-11-30T13:00"));
        assertThat(sla.resolutionDue()).isEqualTo(at("2026-12-03T10:00"));
    }

    @Test
    void warningsFallAtEightyPercentOfTheWorkingTime() {
        var p1 = SlaClock.start(RULES, Priority.P1, at("2026-11-23T10:00"), Optional.empty());
        var p3 = SlaClock.start(RULES, Priority.P3, at("2026-11-27T17:00"), Optional.empty());

        assertThat(p1.deadline(FIRST_RESPONSE).warnAt()).isEqualTo(at("2026-11-23T10:24"));
        assertThat(p1.deadline(RESOLUTION).warnAt()).isEqualTo(at("2026-11-24T05:12"));
        // 96 of the 120 working minutes: Friday's last hour and 36 minutes on Monday.
        assertThat(p3.deadline(FIRST_RESPONSE).warnAt()).isEqualTo(at("2026-11-30T09:36"));
    }

    @Test
    void waitingForTheCustomerStopsTheClocksAndResumingKeepsTheWorkingTimeLeft() {
        var sla = SlaClock.start(RULES, Priority.P3, at("2026-11-23T10:00"), Optional.empty());
        var paused = SlaClock.pause(sla, at("2026-11-23T11:00"));

        assertThat(paused.nextAlarmAt()).isEmpty();
        assertThat(paused.nearestDue()).isEmpty();

        var resumed = SlaClock.resume(RULES, paused, at("2026-11-24T17:30"));

        // An hour was left: half an hour on Tuesday, half an hour on Wednesday morning.
        assertThat(resumed.firstResponseDue()).isEqualTo(at("2026-11-25T09:30"));
        assertThat(resumed.deadline(FIRST_RESPONSE).warnAt()).isEqualTo(at("2026-11-25T09:06"));
        assertThat(resumed.paused()).isFalse();
    }

    @Test
    void aDeadlineMissedBeforeThePauseStaysWhereItWas() {
        var sla = SlaClock.start(RULES, Priority.P1, at("2026-11-23T10:00"), Optional.empty());
        var resumed = SlaClock.resume(RULES, SlaClock.pause(sla, at("2026-11-23T11:00")), at("2026-11-23T15:00"));

        assertThat(resumed.firstResponseDue()).isEqualTo(at("2026-11-23T10:30"));
        assertThat(resumed.resolutionDue()).isEqualTo(at("2026-11-24T14:00"));
    }

    @Test
    void theFirstCustomerUpdateMeetsTheFirstResponseAndStartsTheCadence() {
        var sla = SlaClock.start(RULES, Priority.P1, at("2026-11-23T10:00"), Optional.empty());
        var updated = SlaClock.customerUpdated(RULES, sla, at("2026-11-23T10:10"), Optional.empty());
        var promised = SlaClock.customerUpdated(RULES, sla, at("2026-11-23T10:10"), Optional.of(at("2026-11-23T11:00")));

        assertThat(updated.running()).containsExactlyInAnyOrder(RESOLUTION, CUSTOMER_UPDATE);
        assertThat(updated.nextUpdateDue()).isEqualTo(at("2026-11-23T12:10"));
        assertThat(promised.nextUpdateDue()).isEqualTo(at("2026-11-23T11:00"));
    }

    @Test
    void dueAlarmsRaiseTheWarningThenTheBreachOnceEach() {
        var sla = SlaClock.start(RULES, Priority.P1, at("2026-11-23T10:00"), Optional.empty());

        assertThat(SlaClock.dueAlarms(sla, at("2026-11-23T10:23"))).isEmpty();
        assertThat(SlaClock.dueAlarms(sla, at("2026-11-23T10:24"))).isEqualTo(Map.of(FIRST_RESPONSE, SlaAlarm.WARNING));

        var warned = sla.with(FIRST_RESPONSE, sla.deadline(FIRST_RESPONSE).raise(SlaAlarm.WARNING));
        assertThat(SlaClock.dueAlarms(warned, at("2026-11-23T10:29"))).isEmpty();
        assertThat(SlaClock.dueAlarms(warned, at("2026-11-23T10:30"))).isEqualTo(Map.of(FIRST_RESPONSE, SlaAlarm.BREACH));
        // A scan that comes late raises the breach alone.
        assertThat(SlaClock.dueAlarms(sla, at("2026-11-23T11:00"))).isEqualTo(Map.of(FIRST_RESPONSE, SlaAlarm.BREACH));
    }

    @Test
    void readingATicketNamesTheTargetsAtRiskAndMissed() {
        var ticket = ticket(SlaClock.start(RULES, Priority.P1, at("2026-11-23T10:00"), Optional.empty()));

        assertThat(SlaClock.evaluated(ticket, at("2026-11-23T10:20")).sla().atRisk()).isEmpty();
        assertThat(SlaClock.evaluated(ticket, at("2026-11-23T10:25")).sla().atRisk()).containsExactly(FIRST_RESPONSE);
        assertThat(SlaClock.evaluated(ticket, at("2026-11-23T10:31")).sla().breached()).containsExactly(FIRST_RESPONSE);
        assertThat(SlaClock.evaluated(ticket, at("2026-11-24T10:31")).sla().breached())
                .containsExactly(FIRST_RESPONSE, RESOLUTION);
    }

    @Test
    void aPausedTicketDoesNotBreachWhileItWaits() {
        var paused = SlaClock.pause(SlaClock.start(RULES, Priority.P1, at("2026-11-23T10:00"), Optional.empty()),
                at("2026-11-23T10:05"));

        assertThat(SlaClock.evaluated(ticket(paused), at("2026-11-25T10:00")).sla().breached()).isEmpty();
    }

    private static Ticket ticket(TicketSla sla) {
        Instant opened = at("2026-11-23T10:00");
        return Ticket.builder().id(TicketId.of("t")).number("T2026000001").customerId(CustomerId.of("c"))
                .type("COMPLAINT").description("d").priority(Priority.P1).urgent(true).important(true)
                .channel(IntakeChannel.PHONE).status(TicketStatus.ASSIGNED).departmentId(DepartmentId.of("after-sales"))
                .sla(sla).createdBy(UserId.of("u")).createdAt(opened).updatedAt(opened).build();
    }
}
