package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.SlaPolicy;
import dev.rapport.api.sla.SlaSettings;
import dev.rapport.api.sla.SlaTargets;
import dev.rapport.api.sla.WorkingHours;
import dev.rapport.api.ticket.Priority;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.JsonBody;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/sla}: the SLA policy ({@code {targets:{P1:{firstResponse, resolution, updateCadence, calendarId}…}}},
 * durations in ISO-8601) and the business calendars ({@code {items:[{id, name, zone, week:{MONDAY:[{start, end}]},
 * holidays[], extraWorkingDays:{date:[{start, end}]}}]}}); PUT takes what GET gives.
 */
public final class SlaRoutes implements HttpService {
    private final SlaSettings settings;
    private final Exchange http;

    public SlaRoutes(SlaSettings settings, Exchange http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/policies", (req, res) -> http.ok(res, settings.policy(http.actor(req))))
                .put("/policies", this::putPolicy)
                .get("/calendars", (req, res) -> http.page(res, Page.last(settings.calendars(http.actor(req)))))
                .put("/calendars", this::putCalendars);
    }

    private void putPolicy(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var targets = new EnumMap<Priority, SlaTargets>(Priority.class);
        var byPriority = body.object("targets");
        if (byPriority == null) {
            body.error("targets", "is required: targets for P1 to P4");
        } else {
            for (Priority priority : Priority.values()) {
                var one = byPriority.object(priority.name());
                if (one == null) {
                    byPriority.error(priority.name(), "is required");
                    continue;
                }
                var firstResponse = one.duration("firstResponse");
                var resolution = one.duration("resolution");
                var cadence = one.duration("updateCadence");
                var calendar = one.text("calendarId");
                require(one, "firstResponse", firstResponse);
                require(one, "resolution", resolution);
                require(one, "updateCadence", cadence);
                require(one, "calendarId", calendar);
                if (firstResponse != null && resolution != null && cadence != null && calendar != null) {
                    targets.put(priority, new SlaTargets(firstResponse, resolution, cadence, calendar));
                }
            }
        }
        body.requireValid();
        http.ok(res, settings.updatePolicy(actor, new SlaPolicy(targets)));
    }

    private void putCalendars(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var items = body.objects("items");
        if (items == null) {
            body.error("items", "is required: every calendar, as GET lists them");
        }
        var calendars = new ArrayList<BusinessCalendar>();
        for (int i = 0; items != null && i < items.size(); i++) {
            calendar(items.get(i)).ifPresent(calendars::add);
        }
        body.requireValid();
        http.ok(res, Map.of("items", settings.updateCalendars(actor, calendars)));
    }

    /** The calendar an item describes; empty (with the item's errors recorded) when it describes none. */
    private static Optional<BusinessCalendar> calendar(JsonBody item) {
        var id = item.text("id");
        var name = item.text("name");
        var zone = item.zone("zone");
        require(item, "id", id);
        require(item, "name", name);
        require(item, "zone", zone);
        var week = new EnumMap<DayOfWeek, List<WorkingHours>>(DayOfWeek.class);
        var days = item.object("week");
        if (days != null) {
            for (String day : days.fieldNames()) {
                try {
                    week.put(DayOfWeek.valueOf(day), shifts(days, day));
                } catch (IllegalArgumentException e) {
                    days.error(day, "must be a day of the week such as MONDAY");
                }
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        var holidayTexts = item.texts("holidays");
        for (int i = 0; holidayTexts != null && i < holidayTexts.size(); i++) {
            date(item, "holidays[" + i + "]", holidayTexts.get(i)).ifPresent(holidays::add);
        }
        Map<LocalDate, List<WorkingHours>> extra = new HashMap<>();
        var extraDays = item.object("extraWorkingDays");
        if (extraDays != null) {
            for (String date : extraDays.fieldNames()) {
                date(extraDays, date, date).ifPresent(d -> extra.put(d, shifts(extraDays, date)));
            }
        }
        if (id == null || name == null || zone == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BusinessCalendar(id, name, zone, week, holidays, extra));
        } catch (IllegalArgumentException e) {
            item.error("week", e.getMessage());
            return Optional.empty();
        }
    }

    private static List<WorkingHours> shifts(JsonBody parent, String field) {
        var shifts = new ArrayList<WorkingHours>();
        var items = parent.objects(field);
        for (int i = 0; items != null && i < items.size(); i++) {
            var start = items.get(i).time("start");
            var end = items.get(i).time("end");
            require(items.get(i), "start", start);
            require(items.get(i), "end", end);
            if (start != null && end != null) {
                try {
                    shifts.add(new WorkingHours(start, end));
                } catch (IllegalArgumentException e) {
                    items.get(i).error("end", e.getMessage());
                }
            }
        }
        return shifts;
    }

    private static Optional<LocalDate> date(JsonBody body, String field, String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            body.error(field, "must be a date YYYY-MM-DD");
            return Optional.empty();
        }
    }

    private static void require(JsonBody body, String field, Object value) {
        body.required(field, value);
    }
}
