package dev.rapport.core.internal.ticket;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.internal.sla.SlaClock;
import dev.rapport.core.internal.sla.SlaRules;
import dev.rapport.api.ticket.TicketStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.rapport.api.ticket.TicketStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "NEW, ASSIGNED", "ASSIGNED, IN_PROGRESS", "ASSIGNED, NEW",
            "IN_PROGRESS, WAITING_CUSTOMER", "IN_PROGRESS, WAITING_INTERNAL", "IN_PROGRESS, RESOLVED",
            "WAITING_CUSTOMER, IN_PROGRESS", "WAITING_INTERNAL, IN_PROGRESS", "WAITING_CUSTOMER, RESOLVED",
            "RESOLVED, CLOSED", "RESOLVED, REOPENED", "REOPENED, IN_PROGRESS"})
    void specTransitionsAreAllowed(TicketStatus from, TicketStatus to) {
        assertThat(TicketLifecycle.allows(from, to)).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "NEW, IN_PROGRESS", "NEW, RESOLVED", "NEW, CLOSED", "ASSIGNED, RESOLVED", "IN_PROGRESS, CLOSED",
            "IN_PROGRESS, NEW", "RESOLVED, IN_PROGRESS", "REOPENED, CLOSED", "REOPENED, RESOLVED"})
    void shortcutsAreRefusedNamingBothStates(TicketStatus from, TicketStatus to) {
        assertThat(TicketLifecycle.allows(from, to)).isFalse();
        assertThatThrownBy(() -> TicketLifecycle.requireTransition(from, to))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(from.name()).hasMessageContaining(to.name());
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void closedIsFinal(TicketStatus to) {
        assertThat(TicketLifecycle.allows(CLOSED, to)).isFalse();
    }

    @Test
    void recordingProgressStartsTheWorkOfAnAssignedOrReopenedTicket() {
        assertThat(TicketLifecycle.afterProgress(ASSIGNED, Optional.empty())).isEqualTo(IN_PROGRESS);
        assertThat(TicketLifecycle.afterProgress(REOPENED, Optional.empty())).isEqualTo(IN_PROGRESS);
        assertThat(TicketLifecycle.afterProgress(ASSIGNED, Optional.of(WAITING_CUSTOMER))).isEqualTo(WAITING_CUSTOMER);
        assertThat(TicketLifecycle.afterProgress(WAITING_INTERNAL, Optional.empty())).isEqualTo(WAITING_INTERNAL);
        assertThat(TicketLifecycle.afterProgress(NEW, Optional.empty())).as("a note on a queued ticket").isEqualTo(NEW);
    }

    @Test
    void progressCannotSkipAssignment() {
        assertThatThrownBy(() -> TicketLifecycle.afterProgress(NEW, Optional.of(IN_PROGRESS)))
                .isInstanceOf(ConflictException.class);
    }

    @Nested
    class Closing {
        private final Resolution resolution = new Resolution("fixed", CommunicationMethod.PHONE, UserId.of("u"), T0);

        @Test
        void needsASatisfiedConfirmationOfTheCurrentResolution() {
            var ticket = resolvedTicket(Optional.of(resolution));
            TicketLifecycle.requireClosable(ticket, List.of(confirmation(Opinion.SATISFIED, T0.plusSeconds(60))));
        }

        @Test
        void isRefusedWithoutAnyConfirmation() {
            assertThatThrownBy(() -> TicketLifecycle.requireClosable(resolvedTicket(Optional.of(resolution)), List.of()))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("ticket.close.unconfirmed"));
        }

        @Test
        void isRefusedWhenTheLatestAnswerIsNotSatisfied() {
            var answers = List.of(confirmation(Opinion.SATISFIED, T0.minusSeconds(600)),
                    confirmation(Opinion.NEEDS_ADJUSTMENT, T0.plusSeconds(60)));
            assertThatThrownBy(() -> TicketLifecycle.requireClosable(resolvedTicket(Optional.of(resolution)), answers))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void isRefusedWhenTheSatisfiedAnswerPredatesTheResolution() {
            var stale = List.of(confirmation(Opinion.SATISFIED, T0.minusSeconds(60)));
            assertThatThrownBy(() -> TicketLifecycle.requireClosable(resolvedTicket(Optional.of(resolution)), stale))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("ticket.close.unconfirmed"));
        }

        private Confirmation confirmation(Opinion opinion, Instant at) {
            return new Confirmation(opinion, Optional.empty(), Optional.empty(), UserId.of("u"), at);
        }

        private Ticket resolvedTicket(Optional<Resolution> resolution) {
            return Ticket.builder().id(TicketId.of("t")).number("T2026000001").customerId(CustomerId.of("c"))
                    .type("COMPLAINT").description("d").priority(Priority.P3).urgent(true).important(false)
                    .channel(IntakeChannel.PHONE).status(RESOLVED).departmentId(DepartmentId.of("after-sales"))
                    .sla(SlaClock.start(SlaRules.defaults(), Priority.P3, T0, Optional.empty()))
                    .resolution(resolution).createdBy(UserId.of("u")).createdAt(T0).updatedAt(T0).version(3).build();
        }
    }
}
