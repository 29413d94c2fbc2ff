package dev.rapport.core.sla;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClockTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final SlaClock clock = new SlaClock(SlaPolicy.defaults());

    @ParameterizedTest(name = "{0}: first response {1}, resolution {2}")
    @CsvSource({"P1, PT30M, PT24H", "P2, PT24H, P10D", "P3, PT2H, PT48H", "P4, PT48H, PT72H"})
    void specDefaultTargetsSetTheDeadlines(Priority priority, Duration firstResponse, Duration resolution) {
        var sla = clock.start(priority, T0);
        assertThat(sla.firstResponseDue()).isEqualTo(T0.plus(firstResponse));
        assertThat(sla.resolutionDue()).isEqualTo(T0.plus(resolution));
        assertThat(sla.nextUpdateDue()).as("the first update due is the first response").isEqualTo(sla.firstResponseDue());
    }

    @ParameterizedTest(name = "{0}: next update every {1}")
    @CsvSource({"P1, PT2H", "P2, PT24H", "P3, PT24H", "P4, PT24H"})
    void aCustomerUpdateMovesTheNextOneByTheCadence(Priority priority, Duration cadence) {
        var updated = clock.customerUpdated(clock.start(priority, T0), priority, T0.plusSeconds(600), Optional.empty());
        assertThat(updated.nextUpdateDue()).isEqualTo(T0.plusSeconds(600).plus(cadence));
    }

    @Test
    void aPromisedEarlierUpdateWinsOverTheCadence() {
        var promised = T0.plus(Duration.ofHours(1));
        var updated = clock.customerUpdated(clock.start(Priority.P3, T0), Priority.P3, T0, Optional.of(promised));
        assertThat(updated.nextUpdateDue()).isEqualTo(promised);
    }

    @Test
    void aPromiseLaterThanTheCadenceDoesNotStretchIt() {
        var updated = clock.customerUpdated(clock.start(Priority.P1, T0), Priority.P1, T0,
                Optional.of(T0.plus(Duration.ofDays(3))));
        assertThat(updated.nextUpdateDue()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void waitingForTheCustomerStopsTheClocksAndResumingShiftsEveryDeadline() {
        var start = clock.start(Priority.P1, T0);
        var paused = clock.pause(start, T0.plus(Duration.ofMinutes(10)));
        assertThat(paused.paused()).isTrue();
        var resumed = clock.resume(paused, T0.plus(Duration.ofMinutes(70)));
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.firstResponseDue()).isEqualTo(start.firstResponseDue().plus(Duration.ofHours(1)));
        assertThat(resumed.resolutionDue()).isEqualTo(start.resolutionDue().plus(Duration.ofHours(1)));
        assertThat(resumed.nextUpdateDue()).isEqualTo(start.nextUpdateDue().plus(Duration.ofHours(1)));
    }

    @Test
    void anUpdateWhileWaitingCountsTheCadenceFromWhenTheWaitEnds() {
        var paused = clock.pause(clock.start(Priority.P1, T0), T0.plus(Duration.ofMinutes(10)));
        var updated = clock.customerUpdated(paused, Priority.P1, T0.plus(Duration.ofHours(3)), Optional.empty());
        var resumed = clock.resume(updated, T0.plus(Duration.ofHours(5)));
        assertThat(resumed.nextUpdateDue()).isEqualTo(T0.plus(Duration.ofHours(5)).plus(Duration.ofHours(2)));
    }

    @Test
    void pausingTwiceKeepsTheFirstStart() {
        var paused = clock.pause(clock.start(Priority.P2, T0), T0);
        assertThat(clock.pause(paused, T0.plusSeconds(99)).pausedSince()).contains(T0);
    }

    @Test
    void breachesAreTheMissedTargetsAsOfNow() {
        var ticket = ticket(clock.start(Priority.P1, T0));
        assertThat(clock.withBreaches(ticket, T0.plus(Duration.ofMinutes(29))).sla().breached()).isEmpty();
        assertThat(clock.withBreaches(ticket, T0.plus(Duration.ofMinutes(31))).sla().breached())
                .containsExactly(SlaTarget.FIRST_RESPONSE, SlaTarget.CUSTOMER_UPDATE);
        assertThat(clock.withBreaches(ticket, T0.plus(Duration.ofHours(25))).sla().breached())
                .containsExactly(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION, SlaTarget.CUSTOMER_UPDATE);
    }

    @Test
    void aPausedTicketDoesNotBreachWhileItWaits() {
        var paused = clock.pause(clock.start(Priority.P1, T0), T0.plus(Duration.ofMinutes(5)));
        assertThat(clock.withBreaches(ticket(paused), T0.plus(Duration.ofHours(30))).sla().breached()).isEmpty();
    }

    private Ticket ticket(TicketSla sla) {
        return new Ticket(TicketId.of("t"), "T2026000001", CustomerId.of("c"), Optional.empty(), "COMPLAINT",
                Optional.empty(), "d", Priority.P1, true, true, IntakeChannel.PHONE, TicketStatus.ASSIGNED,
                DepartmentId.of("after-sales"), Optional.empty(), sla, List.of(), Optional.empty(), UserId.of("u"),
                T0, T0, Optional.empty(), Optional.empty(), 1);
    }
}
