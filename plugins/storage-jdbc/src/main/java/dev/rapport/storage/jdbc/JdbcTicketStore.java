package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Before;
import dev.rapport.api.spi.storage.TaggedTicket;
import dev.rapport.api.spi.storage.TicketQuery;
import dev.rapport.api.spi.storage.TicketStore;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.FrontLine;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ProgressEntry;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.SlaWatch;
import dev.rapport.api.ticket.Visibility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalEnum;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/** Tickets in {@code tickets}, with their progress entries and confirmations in tables of their own. */
final class JdbcTicketStore implements TicketStore {
    private static final String COLUMNS = "id, number, customer_id, contact_id, type, title, description, priority, "
            + "urgent, important, channel, status, department_id, assignee_id, first_response_due, resolution_due, "
            + "next_update_due, sla_paused_since, related_ticket_ids, resolution_solution, resolution_via, resolved_by, "
            + "resolved_at, created_by, created_at, updated_at, first_responded_at, closed_at, version, escalation, "
            + "owner_id, sla_calendar, sla_update_cadence, first_response_warn_at, resolution_warn_at, "
            + "next_update_warn_at, sla_running, sla_raised, sla_next_alarm_at, sla_due_at, sla_warn_at, tags, "
            + "intake_owner_id, intake_department_id";
    private static final SelectList SELECTED = SelectList.of(COLUMNS);
    private static final String INSERT = "INSERT INTO tickets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Handle handle;
    private final Dialect dialect;
    private final JsonCodec json;

    JdbcTicketStore(Handle handle, Dialect dialect, JsonCodec json) {
        this.handle = handle;
        this.dialect = dialect;
        this.json = json;
    }

    @Override
    public void insert(Ticket t) {
        var sla = t.sla();
        var resolution = t.resolution();
        DirectSql.update(handle, INSERT, statement -> {
            statement.setString(1, t.id().value());
            statement.setString(2, t.number());
            statement.setString(3, t.customerId().value());
            statement.setString(4, t.contactId().map(ContactId::value).orElse(null));
            statement.setString(5, t.type());
            statement.setString(6, t.title().orElse(null));
            statement.setString(7, t.description());
            statement.setString(8, t.priority().name());
            statement.setBoolean(9, t.urgent());
            statement.setBoolean(10, t.important());
            statement.setString(11, t.channel().name());
            statement.setString(12, t.status().name());
            statement.setString(13, t.departmentId().value());
            statement.setString(14, t.assigneeId().map(UserId::value).orElse(null));
            DirectSql.setInstant(statement, 15, sla.firstResponseDue());
            DirectSql.setInstant(statement, 16, sla.resolutionDue());
            DirectSql.setInstant(statement, 17, sla.nextUpdateDue());
            DirectSql.setInstant(statement, 18, sla.pausedSince().orElse(null));
            statement.setString(19, json.strings(t.relatedTicketIds().stream().map(TicketId::value).toList()));
            statement.setString(20, resolution.map(Resolution::solution).orElse(null));
            statement.setString(21, resolution.map(r -> r.communicatedVia().name()).orElse(null));
            statement.setString(22, resolution.map(r -> r.resolvedBy().value()).orElse(null));
            DirectSql.setInstant(statement, 23, resolution.map(Resolution::at).orElse(null));
            statement.setString(24, t.createdBy().value());
            DirectSql.setInstant(statement, 25, t.createdAt());
            DirectSql.setInstant(statement, 26, t.updatedAt());
            DirectSql.setInstant(statement, 27, t.firstRespondedAt().orElse(null));
            DirectSql.setInstant(statement, 28, t.closedAt().orElse(null));
            statement.setLong(29, t.version());
            statement.setString(30, t.escalation().name());
            statement.setString(31, t.ownerId().map(UserId::value).orElse(null));
            statement.setString(32, sla.calendarId());
            statement.setString(33, sla.updateCadence().toString());
            DirectSql.setInstant(statement, 34, sla.deadline(SlaTarget.FIRST_RESPONSE).warnAt());
            DirectSql.setInstant(statement, 35, sla.deadline(SlaTarget.RESOLUTION).warnAt());
            DirectSql.setInstant(statement, 36, sla.deadline(SlaTarget.CUSTOMER_UPDATE).warnAt());
            statement.setString(37, SlaColumns.running(sla));
            statement.setString(38, SlaColumns.raised(sla));
            DirectSql.setInstant(statement, 39, sla.nextAlarmAt().orElse(null));
            DirectSql.setInstant(statement, 40, sla.nearestDue().orElse(null));
            DirectSql.setInstant(statement, 41, sla.earliestWarning().orElse(null));
            statement.setString(42, json.strings(t.tags()));
            statement.setString(43, t.intakeOwner().map(o -> o.userId().value()).orElse(null));
            statement.setString(44, t.intakeOwner().flatMap(IntakeOwner::departmentId).map(DepartmentId::value)
                    .orElse(null));
        });
        writeTags(t, false);
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
        return DirectSql.first(handle, "SELECT " + COLUMNS + " FROM tickets WHERE id = ?",
                statement -> statement.setString(1, id.value()), this::ticket);
    }

    @Override
    public Optional<Ticket> findByNumber(String number) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM tickets WHERE number = :number")
                .bind("number", number)
                .map((rs, ctx) -> ticket(rs))
                .findOne();
    }

    @Override
    public List<Ticket> findAll(Collection<TicketId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + COLUMNS + " FROM tickets WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(TicketId::value).distinct().toList())
                .map((rs, ctx) -> ticket(rs))
                .list();
    }

    @Override
    public boolean update(Ticket ticket, long expectedVersion) {
        boolean updated = bindTicket(handle.createUpdate("UPDATE tickets SET number = :number, customer_id = :customerId, "
                + "contact_id = :contactId, type = :type, title = :title, description = :description, "
                + "priority = :priority, urgent = :urgent, important = :important, channel = :channel, "
                + "status = :status, department_id = :departmentId, assignee_id = :assigneeId, "
                + "first_response_due = :firstResponseDue, resolution_due = :resolutionDue, "
                + "next_update_due = :nextUpdateDue, sla_paused_since = :slaPausedSince, "
                + "related_ticket_ids = :relatedTicketIds, resolution_solution = :resolutionSolution, "
                + "resolution_via = :resolutionVia, resolved_by = :resolvedBy, resolved_at = :resolvedAt, "
                + "created_by = :createdBy, created_at = :createdAt, updated_at = :updatedAt, "
                + "first_responded_at = :firstRespondedAt, closed_at = :closedAt, version = :version, "
                + "escalation = :escalation, owner_id = :ownerId, sla_calendar = :slaCalendar, "
                + "sla_update_cadence = :slaUpdateCadence, first_response_warn_at = :firstResponseWarnAt, "
                + "resolution_warn_at = :resolutionWarnAt, next_update_warn_at = :nextUpdateWarnAt, "
                + "sla_running = :slaRunning, sla_raised = :slaRaised, sla_next_alarm_at = :slaNextAlarmAt, "
                + "sla_due_at = :slaDueAt, sla_warn_at = :slaWarnAt, tags = :tags "
                + "WHERE id = :id AND version = :expectedVersion"), ticket)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
        if (updated) {
            writeTags(ticket, true);
        }
        return updated;
    }

    /** The tag keys of {@code ticket} in {@code ticket_tags}, replacing those it had. */
    private void writeTags(Ticket ticket, boolean replace) {
        if (replace) {
            handle.createUpdate("DELETE FROM ticket_tags WHERE ticket_id = :id").bind("id", ticket.id().value())
                    .execute();
        }
        var keys = ticket.tags().stream().map(JdbcTicketStore::tagKey).distinct().toList();
        if (keys.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO ticket_tags (ticket_id, tag_key) VALUES (:id, :key)");
        keys.forEach(key -> batch.bind("id", ticket.id().value()).bind("key", key).add());
        batch.execute();
    }

    /** Tags match ignoring case, as the SPI says and the core compares them. */
    static String tagKey(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public void addProgress(TicketId ticket, ProgressEntry entry) {
        handle.createUpdate("INSERT INTO ticket_progress (ticket_id, recorded_at, author_id, action, status_after, "
                        + "visibility, next_update_at) VALUES (:ticketId, :at, :authorId, :action, :statusAfter, "
                        + ":visibility, :nextUpdateAt)")
                .bind("ticketId", ticket.value())
                .bind("at", instant(entry.at()))
                .bind("authorId", entry.authorId().value())
                .bind("action", entry.action())
                .bind("statusAfter", entry.statusAfter().name())
                .bind("visibility", entry.visibility().name())
                .bind("nextUpdateAt", instant(entry.nextUpdateAt()))
                .execute();
    }

    @Override
    public List<ProgressEntry> progress(TicketId ticket) {
        return DirectSql.list(handle, "SELECT recorded_at, author_id, action, status_after, visibility, next_update_at "
                        + "FROM ticket_progress WHERE ticket_id = ? ORDER BY position",
                statement -> statement.setString(1, ticket.value()),
                rs -> new ProgressEntry(instant(rs, 1), UserId.of(rs.getString(2)), rs.getString(3),
                        enumValue(rs, 4, TicketStatus.class), enumValue(rs, 5, Visibility.class), optionalInstant(rs, 6)));
    }

    @Override
    public void addConfirmation(TicketId ticket, Confirmation confirmation) {
        handle.createUpdate("INSERT INTO ticket_confirmations (ticket_id, opinion, method, comment, recorded_by, "
                        + "recorded_at) VALUES (:ticketId, :opinion, :method, :comment, :recordedBy, :at)")
                .bind("ticketId", ticket.value())
                .bind("opinion", confirmation.opinion().name())
                .bind("method", confirmation.method().map(Enum::name).orElse(null))
                .bind("comment", confirmation.comment().orElse(null))
                .bind("recordedBy", confirmation.recordedBy().value())
                .bind("at", instant(confirmation.at()))
                .execute();
    }

    @Override
    public List<Confirmation> confirmations(TicketId ticket) {
        return DirectSql.list(handle, "SELECT opinion, method, comment, recorded_by, recorded_at "
                        + "FROM ticket_confirmations WHERE ticket_id = ? ORDER BY position",
                statement -> statement.setString(1, ticket.value()),
                rs -> new Confirmation(enumValue(rs, 1, Opinion.class), optionalEnum(rs, 2, CommunicationMethod.class),
                        optionalString(rs, 3), UserId.of(rs.getString(4)), instant(rs, 5)));
    }

    @Override
    public List<Ticket> list(TicketQuery query) {
        var where = new Conditions();
        var filter = query.filter();
        if (!filter.statuses().isEmpty()) {
            var statuses = filter.statuses().stream().map(Enum::name).toList();
            where.add("status IN (" + String.join(", ", statuses.stream().map(x -> "?").toList()) + ")",
                    statuses.toArray());
        }
        filter.priority().ifPresent(p -> where.add("priority = ?", p.name()));
        filter.departmentId().ifPresent(d -> where.add("department_id = ?", d.value()));
        filter.assigneeId().ifPresent(a -> where.add("assignee_id = ?", a.value()));
        filter.customerId().ifPresent(c -> where.add("customer_id = ?", c.value()));
        filter.servedBy().ifPresent(frontLine -> where.add("customer_id IN (SELECT f.customer_id FROM tickets f WHERE "
                + servedBy(frontLine) + ")", servedByValues(frontLine)));
        filter.tag().ifPresent(tag -> where.add("EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_id = tickets.id "
                + "AND g.tag_key = ?)", tagKey(tag)));
        query.scope().ifPresent(scope -> {
            if (scope.department().isPresent()) {
                where.add("(department_id = ? OR assignee_id = ?)", scope.department().get().value(),
                        scope.assignee().value());
            } else {
                where.add("assignee_id = ?", scope.assignee().value());
            }
        });
        String order;
        if (filter.sla().isPresent()) {
            Instant asOf = query.asOf();
            if (filter.sla().get() == SlaWatch.OVERDUE) {
                where.add("sla_due_at <= ?", asOf);
            } else {
                where.add("sla_due_at > ? AND sla_warn_at <= ?", asOf, asOf);
            }
            // The leading bound lets the index scan start at the cursor instead of filtering its way there.
            query.after().ifPresent(after -> {
                Instant afterDue = query.afterDue().orElseThrow();
                where.add("sla_due_at >= ? AND (sla_due_at > ? OR (sla_due_at = ? AND id > ?))", afterDue, afterDue,
                        afterDue, after.value());
            });
            order = " ORDER BY sla_due_at, id";
        } else {
            // Ids are generated in time order, so "older than the previous page's last" is a string comparison.
            query.after().ifPresent(after -> where.add("id < ?", after.value()));
            order = " ORDER BY id DESC";
        }
        where.add(null, query.limit());
        // Plain JDBC, as for one ticket: Jdbi's per-statement machinery was a fifth of a queue's read on H2.
        return DirectSql.list(handle, "SELECT " + COLUMNS + " FROM tickets" + where.sql() + order + " LIMIT ?",
                where::bind, this::ticket);
    }

    @Override
    public List<Ticket> dueForAlarm(Instant now, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM tickets WHERE sla_next_alarm_at <= :now "
                        // Both H2 and PostgreSQL skip rows another transaction holds: nodes share the due work.
                        + "ORDER BY sla_next_alarm_at LIMIT :limit " + dialect.lockDueRows())
                .bind("now", instant(now))
                .bind("limit", limit)
                .map((rs, ctx) -> ticket(rs))
                .list();
    }

    @Override
    public Map<UserId, Map<Priority, Integer>> openWorkload(DepartmentId department) {
        var workload = new HashMap<UserId, Map<Priority, Integer>>();
        handle.createQuery("SELECT assignee_id, priority, COUNT(*) AS open_tickets FROM tickets "
                        + "WHERE department_id = :department AND status NOT IN ('RESOLVED', 'CLOSED') "
                        + "AND assignee_id IS NOT NULL GROUP BY assignee_id, priority")
                .bind("department", department.value())
                .map((rs, ctx) -> new WorkloadRow(UserId.of(rs.getString("assignee_id")),
                        enumValue(rs, "priority", Priority.class), rs.getInt("open_tickets")))
                .forEach(row -> workload.computeIfAbsent(row.assignee(), u -> new EnumMap<>(Priority.class))
                        .put(row.priority(), row.count()));
        return workload;
    }

    @Override
    public List<Ticket> ofCustomer(CustomerId customer, Optional<Before> before, int limit) {
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM tickets WHERE customer_id = :customer"
                        + before.map(b -> " AND (created_at < :at OR (created_at = :at AND id < :id))").orElse("")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("customer", customer.value())
                .bind("limit", limit);
        before.ifPresent(b -> query.bind("at", instant(b.at())).bind("id", b.id()));
        return query.map((rs, ctx) -> ticket(rs)).list();
    }

    @Override
    public int moveCustomer(CustomerId from, CustomerId to) {
        return handle.createUpdate("UPDATE tickets SET customer_id = :to, version = version + 1 WHERE customer_id = :from")
                .bind("from", from.value())
                .bind("to", to.value())
                .execute();
    }

    @Override
    public List<TaggedTicket> tagged(String type, String tag, Instant since, int limit) {
        return handle.createQuery("SELECT t.id, t.customer_id, t.created_at FROM ticket_tags g "
                        + "JOIN tickets t ON t.id = g.ticket_id WHERE g.tag_key = :tagKey AND t.type = :type "
                        + "AND t.created_at >= :since ORDER BY t.created_at, t.id LIMIT :limit")
                .bind("tagKey", tagKey(tag))
                .bind("type", type)
                .bind("since", instant(since))
                .bind("limit", limit)
                .map((rs, ctx) -> new TaggedTicket(TicketId.of(rs.getString("id")),
                        CustomerId.of(rs.getString("customer_id")), instant(rs, "created_at")))
                .list();
    }

    @Override
    public boolean serves(FrontLine frontLine, CustomerId customer) {
        var values = new ArrayList<Object>(List.of(customer.value()));
        values.addAll(List.of(servedByValues(frontLine)));
        return DirectSql.first(handle, "SELECT 1 FROM tickets f WHERE f.customer_id = ? AND (" + servedBy(frontLine)
                + ") LIMIT 1", statement -> Conditions.bind(statement, values), rs -> true).isPresent();
    }

    /** The condition on tickets {@code f} that a front line filed: by its user, or by its department. */
    private static String servedBy(FrontLine frontLine) {
        return frontLine.departmentId().isPresent()
                ? "f.intake_owner_id = ? OR f.intake_department_id = ?"
                : "f.intake_owner_id = ?";
    }

    /** The values of {@link #servedBy}'s parameters, in order. */
    private static Object[] servedByValues(FrontLine frontLine) {
        return frontLine.departmentId().isPresent()
                ? new Object[] {frontLine.userId().value(), frontLine.departmentId().get().value()}
                : new Object[] {frontLine.userId().value()};
    }

    @Override
    public Set<TicketId> existing(Collection<TicketId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return handle.createQuery("SELECT id FROM tickets WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(TicketId::value).distinct().toList())
                .map((rs, ctx) -> TicketId.of(rs.getString("id")))
                .collect(Collectors.toUnmodifiableSet());
    }

    private Update bindTicket(Update statement, Ticket t) {
        var sla = t.sla();
        var resolution = t.resolution();
        return statement
                .bind("id", t.id().value())
                .bind("number", t.number())
                .bind("customerId", t.customerId().value())
                .bind("contactId", t.contactId().map(ContactId::value).orElse(null))
                .bind("type", t.type())
                .bind("title", t.title().orElse(null))
                .bind("description", t.description())
                .bind("priority", t.priority().name())
                .bind("urgent", t.urgent())
                .bind("important", t.important())
                .bind("channel", t.channel().name())
                .bind("status", t.status().name())
                .bind("departmentId", t.departmentId().value())
                .bind("assigneeId", t.assigneeId().map(UserId::value).orElse(null))
                .bind("firstResponseDue", instant(sla.firstResponseDue()))
                .bind("resolutionDue", instant(sla.resolutionDue()))
                .bind("nextUpdateDue", instant(sla.nextUpdateDue()))
                .bind("slaPausedSince", instant(sla.pausedSince()))
                .bind("relatedTicketIds", json.strings(t.relatedTicketIds().stream().map(TicketId::value).toList()))
                .bind("resolutionSolution", resolution.map(Resolution::solution).orElse(null))
                .bind("resolutionVia", resolution.map(r -> r.communicatedVia().name()).orElse(null))
                .bind("resolvedBy", resolution.map(r -> r.resolvedBy().value()).orElse(null))
                .bind("resolvedAt", instant(resolution.map(Resolution::at)))
                .bind("createdBy", t.createdBy().value())
                .bind("createdAt", instant(t.createdAt()))
                .bind("updatedAt", instant(t.updatedAt()))
                .bind("firstRespondedAt", instant(t.firstRespondedAt()))
                .bind("closedAt", instant(t.closedAt()))
                .bind("version", t.version())
                .bind("escalation", t.escalation().name())
                .bind("ownerId", t.ownerId().map(UserId::value).orElse(null))
                .bind("slaCalendar", sla.calendarId())
                .bind("slaUpdateCadence", sla.updateCadence().toString())
                .bind("firstResponseWarnAt", instant(sla.deadline(SlaTarget.FIRST_RESPONSE).warnAt()))
                .bind("resolutionWarnAt", instant(sla.deadline(SlaTarget.RESOLUTION).warnAt()))
                .bind("nextUpdateWarnAt", instant(sla.deadline(SlaTarget.CUSTOMER_UPDATE).warnAt()))
                .bind("slaRunning", SlaColumns.running(sla))
                .bind("slaRaised", SlaColumns.raised(sla))
                .bind("slaNextAlarmAt", instant(sla.nextAlarmAt()))
                .bind("slaDueAt", instant(sla.nearestDue()))
                .bind("slaWarnAt", instant(sla.earliestWarning()))
                .bind("tags", json.strings(t.tags()));
    }

    /** The ticket of the current row; missed SLA targets are the core's to compute, so none are stored. */
    private Ticket ticket(ResultSet rs) throws SQLException {
        var sla = SlaColumns.read(rs, At.SLA);
        String solution = rs.getString(At.RESOLUTION_SOLUTION);
        Optional<Resolution> resolution = solution == null ? Optional.empty()
                : Optional.of(new Resolution(solution, enumValue(rs, At.RESOLUTION_VIA, CommunicationMethod.class),
                UserId.of(rs.getString(At.RESOLVED_BY)), instant(rs, At.RESOLVED_AT)));
        var related = json.strings(rs.getString(At.RELATED_TICKET_IDS)).stream().map(TicketId::of).toList();
        var intakeDepartment = optionalString(rs, At.INTAKE_DEPARTMENT_ID).map(DepartmentId::of);
        var intakeOwner = optionalString(rs, At.INTAKE_OWNER_ID)
                .map(owner -> new IntakeOwner(UserId.of(owner), intakeDepartment));
        return Ticket.builder()
                .id(TicketId.of(rs.getString(At.ID)))
                .number(rs.getString(At.NUMBER))
                .customerId(CustomerId.of(rs.getString(At.CUSTOMER_ID)))
                .contactId(optionalString(rs, At.CONTACT_ID).map(ContactId::of))
                .type(rs.getString(At.TYPE))
                .title(optionalString(rs, At.TITLE))
                .description(rs.getString(At.DESCRIPTION))
                .priority(enumValue(rs, At.PRIORITY, Priority.class))
                .urgent(rs.getBoolean(At.URGENT))
                .important(rs.getBoolean(At.IMPORTANT))
                .channel(enumValue(rs, At.CHANNEL, IntakeChannel.class))
                .status(enumValue(rs, At.STATUS, TicketStatus.class))
                .departmentId(DepartmentId.of(rs.getString(At.DEPARTMENT_ID)))
                .assigneeId(optionalString(rs, At.ASSIGNEE_ID).map(UserId::of))
                .escalation(enumValue(rs, At.ESCALATION, EscalationLevel.class))
                .ownerId(optionalString(rs, At.OWNER_ID).map(UserId::of))
                .sla(sla)
                .relatedTicketIds(related)
                .tags(json.strings(rs.getString(At.TAGS)))
                .resolution(resolution)
                .createdBy(UserId.of(rs.getString(At.CREATED_BY)))
                .intakeOwner(intakeOwner)
                .createdAt(instant(rs, At.CREATED_AT))
                .updatedAt(instant(rs, At.UPDATED_AT))
                .firstRespondedAt(optionalInstant(rs, At.FIRST_RESPONDED_AT))
                .closedAt(optionalInstant(rs, At.CLOSED_AT))
                .version(rs.getLong(At.VERSION))
                .build();
    }


    /** Where {@link #ticket} finds each column in a row of {@link #SELECTED}: looked up once, not forty times a row. */
    private static final class At {
        static final int RESOLUTION_SOLUTION = SELECTED.at("resolution_solution");
        static final int RESOLUTION_VIA = SELECTED.at("resolution_via");
        static final int RESOLVED_BY = SELECTED.at("resolved_by");
        static final int RESOLVED_AT = SELECTED.at("resolved_at");
        static final int RELATED_TICKET_IDS = SELECTED.at("related_ticket_ids");
        static final int INTAKE_DEPARTMENT_ID = SELECTED.at("intake_department_id");
        static final int INTAKE_OWNER_ID = SELECTED.at("intake_owner_id");
        static final int ID = SELECTED.at("id");
        static final int NUMBER = SELECTED.at("number");
        static final int CUSTOMER_ID = SELECTED.at("customer_id");
        static final int CONTACT_ID = SELECTED.at("contact_id");
        static final int TYPE = SELECTED.at("type");
        static final int TITLE = SELECTED.at("title");
        static final int DESCRIPTION = SELECTED.at("description");
        static final int PRIORITY = SELECTED.at("priority");
        static final int URGENT = SELECTED.at("urgent");
        static final int IMPORTANT = SELECTED.at("important");
        static final int CHANNEL = SELECTED.at("channel");
        static final int STATUS = SELECTED.at("status");
        static final int DEPARTMENT_ID = SELECTED.at("department_id");
        static final int ASSIGNEE_ID = SELECTED.at("assignee_id");
        static final int ESCALATION = SELECTED.at("escalation");
        static final int OWNER_ID = SELECTED.at("owner_id");
        static final int TAGS = SELECTED.at("tags");
        static final int CREATED_BY = SELECTED.at("created_by");
        static final int CREATED_AT = SELECTED.at("created_at");
        static final int UPDATED_AT = SELECTED.at("updated_at");
        static final int FIRST_RESPONDED_AT = SELECTED.at("first_responded_at");
        static final int CLOSED_AT = SELECTED.at("closed_at");
        static final int VERSION = SELECTED.at("version");
        static final SlaColumns.Positions SLA = SlaColumns.Positions.in(SELECTED);

        private At() {
        }
    }

    private record WorkloadRow(UserId assignee, Priority priority, int count) {
    }

    /**
     * The conditions of a list, each with the values of its {@code ?} parameters, in order; a condition of null adds
     * values only (the page's limit).
     */
    private static final class Conditions {
        private final List<String> fragments = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void add(String fragment, Object... fragmentValues) {
            if (fragment != null) {
                fragments.add(fragment);
            }
            values.addAll(List.of(fragmentValues));
        }

        String sql() {
            return fragments.isEmpty() ? "" : " WHERE " + String.join(" AND ", fragments);
        }

        void bind(PreparedStatement statement) throws SQLException {
            bind(statement, values);
        }

        static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                switch (values.get(i)) {
                    case String text -> statement.setString(i + 1, text);
                    case Integer number -> statement.setInt(i + 1, number);
                    case Instant at -> DirectSql.setInstant(statement, i + 1, at);
                    default -> throw new IllegalArgumentException("no binding for " + values.get(i).getClass());
                }
            }
        }
    }
}
