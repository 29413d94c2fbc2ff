package dev.rapport.testkit;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SampleRecordsTest {
    @Test
    void everyCallMakesANewCustomerAndTicket() {
        List<Customer> customers = Stream.generate(SampleRecords::customer).limit(3).toList();
        List<Ticket> tickets = customers.stream().map(SampleRecords::ticketOf).toList();

        assertThat(customers).extracting(Customer::id).doesNotHaveDuplicates();
        assertThat(customers).extracting(Customer::code).doesNotHaveDuplicates();
        assertThat(tickets).extracting(Ticket::id).doesNotHaveDuplicates();
        assertThat(tickets).extracting(Ticket::number).doesNotHaveDuplicates();
        assertThat(tickets.getFirst().customerId()).isEqualTo(customers.getFirst().id());
        assertThat(tickets.getFirst().contactId()).contains(customers.getFirst().contacts().getFirst().id());
    }

    @Test
    void aTicketsNextAlarmIsItsFirstResponseWarningAndThenTheBreach() {
        var due = TestPluginContext.START.plus(Duration.ofMinutes(30));
        var ticket = SampleRecords.ticketOf(SampleRecords.customer(), due);

        var warned = SampleRecords.warned(ticket, due.minus(SampleRecords.WARNING_LEAD));

        assertThat(ticket.sla().nextAlarmAt()).contains(due.minus(SampleRecords.WARNING_LEAD));
        assertThat(ticket.sla().breached()).isEmpty();
        assertThat(ticket.sla().atRisk()).isEmpty();
        assertThat(warned.sla().deadline(SlaTarget.FIRST_RESPONSE).raised()).containsExactly(SlaAlarm.WARNING);
        assertThat(warned.sla().nextAlarmAt()).contains(due);
        assertThat(warned.version()).isEqualTo(ticket.version() + 1);
    }

    /** What a storage plugin relies on when it derives a changed record: a copy through the builder loses nothing. */
    @Test
    void aBuilderCopyOfEverySampleRecordEqualsTheOriginal() {
        var customer = SampleRecords.customer();
        var ticket = SampleRecords.ticketOf(customer);
        var warned = SampleRecords.warned(ticket, TestPluginContext.START.plusSeconds(60));
        var assigned = SampleRecords.assigned(ticket, SampleRecords.AGENT, TestPluginContext.START.plusSeconds(60));
        var followUp = SampleRecords.followUpOf(ticket, TestPluginContext.START.plus(Duration.ofDays(3)));
        var announced = followUp.announced(TestPluginContext.START.plus(Duration.ofDays(3)));

        assertThat(customer.toBuilder().build()).isEqualTo(customer);
        assertThat(List.of(ticket, warned, assigned)).allSatisfy(t -> assertThat(t.toBuilder().build()).isEqualTo(t));
        assertThat(List.of(followUp, announced)).allSatisfy(f -> assertThat(f.toBuilder().build()).isEqualTo(f));
    }

    @Test
    void anAssignedTicketIsTheNextVersion() {
        var ticket = SampleRecords.ticketOf(SampleRecords.customer());

        var assigned = SampleRecords.assigned(ticket, SampleRecords.AGENT, TestPluginContext.START.plusSeconds(60));

        assertThat(assigned.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(assigned.assigneeId()).contains(SampleRecords.AGENT);
        assertThat(assigned.version()).isEqualTo(2);
    }
}
