package dev.rapport.storage.jdbc;

import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.SlaPolicy;
import dev.rapport.api.sla.SlaTargets;
import dev.rapport.api.spi.storage.SlaSettingsStore;
import dev.rapport.api.ticket.Priority;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;

/** The SLA policy in {@code sla_policy}, one row per priority, and calendars as JSON in {@code sla_calendars}. */
final class JdbcSlaSettingsStore implements SlaSettingsStore {
    private final Handle handle;
    private final Dialect dialect;
    private final JsonCodec json;

    JdbcSlaSettingsStore(Handle handle, Dialect dialect, JsonCodec json) {
        this.handle = handle;
        this.dialect = dialect;
        this.json = json;
    }

    @Override
    public Optional<SlaPolicy> policy() {
        var targets = new EnumMap<Priority, SlaTargets>(Priority.class);
        handle.createQuery("SELECT priority, first_response, resolution, update_cadence, calendar_id FROM sla_policy")
                .map((rs, ctx) -> Map.entry(enumValue(rs, "priority", Priority.class), new SlaTargets(
                        Duration.parse(rs.getString("first_response")), Duration.parse(rs.getString("resolution")),
                        Duration.parse(rs.getString("update_cadence")), rs.getString("calendar_id"))))
                .forEach(row -> targets.put(row.getKey(), row.getValue()));
        return targets.size() == Priority.values().length ? Optional.of(new SlaPolicy(targets)) : Optional.empty();
    }

    @Override
    public void savePolicy(SlaPolicy policy) {
        handle.createUpdate("DELETE FROM sla_policy").execute();
        var batch = handle.prepareBatch("INSERT INTO sla_policy (priority, first_response, resolution, update_cadence, "
                + "calendar_id) VALUES (:priority, :firstResponse, :resolution, :updateCadence, :calendarId)");
        policy.targets().forEach((priority, targets) -> batch
                .bind("priority", priority.name())
                .bind("firstResponse", targets.firstResponse().toString())
                .bind("resolution", targets.resolution().toString())
                .bind("updateCadence", targets.updateCadence().toString())
                .bind("calendarId", targets.calendarId())
                .add());
        batch.execute();
    }

    @Override
    public List<BusinessCalendar> calendars() {
        return handle.createQuery("SELECT body FROM sla_calendars ORDER BY id")
                .map((rs, ctx) -> json.value(rs.getString("body"), BusinessCalendar.class))
                .list();
    }

    @Override
    public void saveCalendar(BusinessCalendar calendar) {
        int updated = handle.createUpdate("UPDATE sla_calendars SET body = :body WHERE id = :id")
                .bind("id", calendar.id())
                .bind("body", json.value(calendar))
                .execute();
        if (updated == 0) {
            saveCalendarIfAbsent(calendar);
        }
    }

    @Override
    public void saveCalendarIfAbsent(BusinessCalendar calendar) {
        InsertIfAbsent.insert(handle, dialect, "sla_calendars", "id",
                Map.of("id", calendar.id(), "body", json.value(calendar)));
    }
}
