package dev.rapport.notifier.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.PurchaseId;
import dev.rapport.api.Money;
import dev.rapport.api.event.PurchaseRecorded;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.testkit.SampleNotifications;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationJsonTest {
    private final ObjectMapper parser = new ObjectMapper();

    @Test
    void everySampleIsJsonThatARealParserReadsBack() throws Exception {
        for (Notification notification : SampleNotifications.all()) {
            JsonNode json = parser.readTree(NotificationJson.write(notification));

            assertThat(json.get("id").asText()).isEqualTo(notification.id());
            assertThat(json.get("event").get("occurredAt").asText()).isEqualTo(notification.event().occurredAt().toString());
            assertThat(json.get("recipients")).hasSize(notification.recipients().size());
        }
    }

    @Test
    void aNotificationIsWrittenInTheFixedShapeThePluginGuideShows() {
        assertThat(NotificationJson.write(SampleNotifications.ticketCreated())).isEqualTo("{\"id\":\"n-0001\","
                + "\"type\":\"TicketCreated\",\"occurredAt\":\"2026-03-02T01:00:00Z\",\"subjectId\":\"t-0001\","
                + "\"event\":{\"ticketId\":\"t-0001\",\"number\":\"T202603020001\",\"customerId\":\"c-0042\","
                + "\"type\":\"COMPLAINT\",\"priority\":\"P1\",\"departmentId\":\"d-support\","
                + "\"occurredAt\":\"2026-03-02T01:00:00Z\",\"actorId\":\"u-agent-li\"},"
                + "\"recipients\":[{\"id\":\"u-agent-li\",\"name\":\"李娜\",\"locale\":\"zh-CN\"},"
                + "{\"id\":\"u-supervisor-sam\",\"name\":\"Sam Taylor\",\"locale\":\"en\"}]}");
    }

    @Test
    void eventComponentsAreWrittenByNameWithIdsAsStringsAndInstantsAsIso8601() throws Exception {
        JsonNode event = parser.readTree(NotificationJson.write(SampleNotifications.ticketEscalated())).get("event");

        assertThat(event.toString()).isEqualTo("{\"ticketId\":\"t-0001\",\"from\":\"FRONT_LINE\",\"to\":\"EXPERTS\","
                + "\"reason\":" + parser.writeValueAsString(SampleNotifications.AWKWARD_TEXT) + ",\"byBreach\":true,"
                + "\"recipients\":[\"u-expert-wang\",\"u-supervisor-sam\"],\"occurredAt\":\"2026-03-02T01:30:00Z\","
                + "\"actorId\":\"u-agent-li\"}");
    }

    @Test
    void awkwardTextSurvivesTheRoundTrip() throws Exception {
        String nasty = SampleNotifications.AWKWARD_TEXT + "\u0000\u001f\u007f\u2028\u2029 \uD83D\uDE00 lone:\uD800";
        var notification = SampleNotifications.notification("n-\"1\"", new TicketAssigned(SampleNotifications.TICKET,
                DepartmentId.of("d-1"), Optional.empty(), SampleNotifications.ticketCreated().event().occurredAt(),
                UserId.of(nasty)));

        String json = NotificationJson.write(notification);
        JsonNode read = parser.readTree(json);

        assertThat(json).doesNotContain("\n").doesNotContain("\u2028").contains("\\u0000").contains("\\ud800");
        assertThat(read.get("id").asText()).isEqualTo("n-\"1\"");
        assertThat(read.get("event").get("actorId").asText()).isEqualTo(nasty);
        assertThat(read.get("event").get("assigneeId").isNull()).isTrue();
    }

    @Test
    void nestedRecordsDatesAndAmountsAreWrittenAsTheyAre() throws Exception {
        var purchase = new PurchaseRecorded(PurchaseId.of("p-1"), CustomerId.of("c-1"),
                LocalDate.of(2026, 3, 2), new Money(new BigDecimal("1999.90"), Currency.getInstance("CNY")),
                new Money(new BigDecimal("250000.00"), Currency.getInstance("CNY")),
                SampleNotifications.ticketCreated().event().occurredAt(), UserId.of("u-1"));

        String json = NotificationJson.write(SampleNotifications.notification("n-9", purchase));
        JsonNode event = parser.readTree(json).get("event");

        assertThat(event.get("date").asText()).isEqualTo("2026-03-02");
        assertThat(json).contains("\"amount\":{\"amount\":" + purchase.amount().amount().toPlainString()
                + ",\"currency\":\"CNY\"}");
        assertThat(event.get("cumulative").get("amount").decimalValue()).isEqualByComparingTo("250000");
    }
}
