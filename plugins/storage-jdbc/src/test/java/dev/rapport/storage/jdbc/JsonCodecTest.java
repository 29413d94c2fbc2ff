package dev.rapport.storage.jdbc;

import dev.rapport.api.audit.Change;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.TicketId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCodecTest {
    private final JsonCodec codec = new JsonCodec();

    @Test
    void typedIdsAreWrittenAsPlainStringsAndInstantsAsIsoText() {
        var event = new TicketAssigned(TicketId.of("t-1"), DepartmentId.of("sales"), Optional.empty(), T0,
                UserId.of("agent-1"));

        assertThat(codec.event(event)).isEqualTo("{\"ticketId\":\"t-1\",\"departmentId\":\"sales\","
                + "\"assigneeId\":null,\"occurredAt\":\"2026-03-02T09:15:30.123456Z\",\"actorId\":\"agent-1\"}");
    }

    @Test
    void anEventIsNamedByItsClassEvenWhenItHasATypeComponent() {
        var created = new TicketCreated(TicketId.of("t-1"), "T2026000001", CustomerId.of("c-1"), "COMPLAINT", Priority.P2,
                DepartmentId.of("sales"), T0, UserId.of("agent-1"));

        assertThat(created.type()).isEqualTo("COMPLAINT");
        assertThat(JsonCodec.typeOf(created)).isEqualTo("TicketCreated");
    }

    @Test
    void anUnknownEventTypeIsRefusedByName() {
        assertThatThrownBy(() -> codec.event("TicketTeleported", "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TicketTeleported");
    }

    @Test
    void changesKeepAbsentValuesAsEmpty() {
        var changes = Map.of("title", new Change(Optional.empty(), Optional.of("Printer")));

        assertThat(codec.changes(codec.changes(changes))).isEqualTo(changes);
    }

    @Test
    void listsOfStringsComeBackAsWrittenWhateverTheirText() {
        var values = List.of("vip", "", "quote \" and \\ back", "新年 \uD83D\uDE00", "line\nbreak\u0001", "[\"x\"]");

        assertThat(codec.strings(codec.strings(values))).isEqualTo(values);
        assertThat(codec.strings("[]")).isEmpty();
        assertThat(codec.strings(" [ \"a\" , \"b\" ] ")).containsExactly("a", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "[1]", "[\"a\", null]", "[\"a\"] [\"b\"]", "[\"a\"", "[[\"a\"]]", "\"a\""})
    void storedTextThatIsNotAListOfStringsIsRefused(String json) {
        assertThatThrownBy(() -> codec.strings(json))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a list of strings");
    }
}
