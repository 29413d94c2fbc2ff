package dev.rapport.storage.jdbc;

import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaDeadline;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.TicketSla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;

/**
 * A ticket's SLA in its columns: a due and a warning instant per target, the running targets and raised alarms as
 * short lists ({@code FIRST_RESPONSE,RESOLUTION}; {@code FIRST_RESPONSE:WARNING}).
 */
final class SlaColumns {
    private static final int CADENCE_MEMO = 64;
    private static final Map<String, Duration> CADENCES = new ConcurrentHashMap<>();

    private SlaColumns() {
    }

    static String running(TicketSla sla) {
        return sla.running().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static String raised(TicketSla sla) {
        return sla.deadlines().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().raised().stream().sorted().map(alarm -> e.getKey() + ":" + alarm))
                .collect(Collectors.joining(","));
    }

    /** Where a select list has the SLA's columns, looked up once per list rather than once per row. */
    record Positions(int raised, int firstResponseWarnAt, int firstResponseDue, int resolutionWarnAt, int resolutionDue,
                     int nextUpdateWarnAt, int nextUpdateDue, int running, int pausedSince, int calendar,
                     int updateCadence) {
        static Positions in(SelectList columns) {
            return new Positions(columns.at("sla_raised"), columns.at("first_response_warn_at"),
                    columns.at("first_response_due"), columns.at("resolution_warn_at"), columns.at("resolution_due"),
                    columns.at("next_update_warn_at"), columns.at("next_update_due"), columns.at("sla_running"),
                    columns.at("sla_paused_since"), columns.at("sla_calendar"), columns.at("sla_update_cadence"));
        }
    }

    static TicketSla read(ResultSet rs, Positions at) throws SQLException {
        var raised = new EnumMap<SlaTarget, Set<SlaAlarm>>(SlaTarget.class);
        for (String pair : split(rs.getString(at.raised()))) {
            int colon = pair.indexOf(':');
            raised.computeIfAbsent(SlaTarget.valueOf(pair.substring(0, colon)), t -> EnumSet.noneOf(SlaAlarm.class))
                    .add(SlaAlarm.valueOf(pair.substring(colon + 1)));
        }
        var deadlines = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
        deadlines.put(SlaTarget.FIRST_RESPONSE, deadline(rs, at.firstResponseWarnAt(), at.firstResponseDue(),
                raised.get(SlaTarget.FIRST_RESPONSE)));
        deadlines.put(SlaTarget.RESOLUTION, deadline(rs, at.resolutionWarnAt(), at.resolutionDue(),
                raised.get(SlaTarget.RESOLUTION)));
        deadlines.put(SlaTarget.CUSTOMER_UPDATE, deadline(rs, at.nextUpdateWarnAt(), at.nextUpdateDue(),
                raised.get(SlaTarget.CUSTOMER_UPDATE)));
        var running = EnumSet.noneOf(SlaTarget.class);
        split(rs.getString(at.running())).forEach(target -> running.add(SlaTarget.valueOf(target)));
        Optional<java.time.Instant> paused = optionalInstant(rs, at.pausedSince());
        return new TicketSla(rs.getString(at.calendar()), cadence(rs.getString(at.updateCadence())), deadlines,
                running, paused, List.of(), List.of());
    }

    /**
     * The cadence a text names. A deployment has a handful (one per priority and calendar), and parsing one was a
     * tenth of reading a ticket's row (JFR), so each is parsed once; the memo stops growing at {@link #CADENCE_MEMO}.
     */
    private static Duration cadence(String text) {
        var known = CADENCES.get(text);
        if (known != null) {
            return known;
        }
        var parsed = Duration.parse(text);
        if (CADENCES.size() < CADENCE_MEMO) {
            CADENCES.put(text, parsed);
        }
        return parsed;
    }

    private static SlaDeadline deadline(ResultSet rs, int warnAt, int due, Set<SlaAlarm> raised)
            throws SQLException {
        return new SlaDeadline(instant(rs, warnAt), instant(rs, due), raised == null ? Set.of() : raised);
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : List.of(list.split(","));
    }
}
