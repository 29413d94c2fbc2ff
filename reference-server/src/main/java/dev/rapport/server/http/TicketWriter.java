package dev.rapport.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.NameTransformer;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.IntakeOwner;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaDeadline;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketSla;
import dev.rapport.api.ticket.TicketStatus;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ticket's JSON, field by field ({@link FieldWriter}); {@code TicketWriterTest} holds it to Jackson's. */
final class TicketWriter extends FieldWriter<Ticket, TicketWriter.Name> {
    enum Name {
        id, number, customerId, contactId, type, title, description, priority, urgent, important, channel, status,
        departmentId, assigneeId, escalation, ownerId, sla, relatedTicketIds, tags, resolution, createdBy,
        intakeOwner, createdAt, updatedAt, firstRespondedAt, closedAt, version
    }

    private static final SerializableString CALENDAR_ID = new SerializedString("calendarId");
    private static final SerializableString UPDATE_CADENCE = new SerializedString("updateCadence");
    private static final SerializableString DEADLINES = new SerializedString("deadlines");
    private static final SerializableString WARN_AT = new SerializedString("warnAt");
    private static final SerializableString DUE = new SerializedString("due");
    private static final SerializableString RAISED = new SerializedString("raised");
    private static final SerializableString RUNNING = new SerializedString("running");
    private static final SerializableString PAUSED_SINCE = new SerializedString("pausedSince");
    private static final SerializableString BREACHED = new SerializedString("breached");
    private static final SerializableString AT_RISK = new SerializedString("atRisk");
    private static final SerializableString PAUSED = new SerializedString("paused");
    private static final SerializableString NEXT_UPDATE_DUE = new SerializedString("nextUpdateDue");
    private static final SerializableString FIRST_RESPONSE_DUE = new SerializedString("firstResponseDue");
    private static final SerializableString RESOLUTION_DUE = new SerializedString("resolutionDue");
    private static final SerializableString SOLUTION = new SerializedString("solution");
    private static final SerializableString COMMUNICATED_VIA = new SerializedString("communicatedVia");
    private static final SerializableString RESOLVED_BY = new SerializedString("resolvedBy");
    private static final SerializableString AT = new SerializedString("at");
    private static final SerializableString USER_ID = new SerializedString("userId");
    private static final SerializableString DEPARTMENT_ID = new SerializedString("departmentId");

    /** API.md's dues that TicketSla derives from its deadlines, in the order Json's mix-in writes them. */
    private static final List<Map.Entry<SerializableString, SlaTarget>> DERIVED_DUES = List.of(
            Map.entry(NEXT_UPDATE_DUE, SlaTarget.CUSTOMER_UPDATE), Map.entry(FIRST_RESPONSE_DUE, SlaTarget.FIRST_RESPONSE),
            Map.entry(RESOLUTION_DUE, SlaTarget.RESOLUTION));

    // Enum constants as Jackson writes them, by name; encoded once.
    private static final SerializableString[] PRIORITIES = encoded(Priority.values());
    private static final SerializableString[] CHANNELS = encoded(IntakeChannel.values());
    private static final SerializableString[] STATUSES = encoded(TicketStatus.values());
    private static final SerializableString[] LEVELS = encoded(EscalationLevel.values());
    private static final SerializableString[] METHODS = encoded(CommunicationMethod.values());
    private static final SerializableString[] TARGETS = encoded(SlaTarget.values());
    private static final SerializableString[] ALARMS = encoded(SlaAlarm.values());

    TicketWriter() {
        this(NameTransformer.NOP, false);
    }

    private TicketWriter(NameTransformer rename, boolean unwrapped) {
        super(Ticket.class, Name.values(), rename, unwrapped);
    }

    @Override
    TicketWriter unwrapped(NameTransformer rename) {
        return new TicketWriter(rename, true);
    }

    @Override
    void fields(Ticket ticket, JsonGenerator gen) throws IOException {
        var instant = new char[IsoInstant.MAX_LENGTH];
        id(gen, Name.id, ticket.id());
        text(gen, Name.number, ticket.number());
        id(gen, Name.customerId, ticket.customerId());
        id(gen, Name.contactId, ticket.contactId().orElse(null));
        text(gen, Name.type, ticket.type());
        text(gen, Name.title, ticket.title().orElse(null));
        text(gen, Name.description, ticket.description());
        constant(gen, Name.priority, PRIORITIES, ticket.priority());
        field(gen, Name.urgent).writeBoolean(ticket.urgent());
        field(gen, Name.important).writeBoolean(ticket.important());
        constant(gen, Name.channel, CHANNELS, ticket.channel());
        constant(gen, Name.status, STATUSES, ticket.status());
        id(gen, Name.departmentId, ticket.departmentId());
        id(gen, Name.assigneeId, ticket.assigneeId().orElse(null));
        constant(gen, Name.escalation, LEVELS, ticket.escalation());
        id(gen, Name.ownerId, ticket.ownerId().orElse(null));
        field(gen, Name.sla);
        sla(gen, ticket.sla(), instant);
        field(gen, Name.relatedTicketIds).writeStartArray();
        for (var related : ticket.relatedTicketIds()) {
            gen.writeString(related.value());
        }
        gen.writeEndArray();
        texts(gen, Name.tags, ticket.tags());
        field(gen, Name.resolution);
        resolution(gen, ticket.resolution(), instant);
        id(gen, Name.createdBy, ticket.createdBy());
        field(gen, Name.intakeOwner);
        intakeOwner(gen, ticket.intakeOwner());
        instant(field(gen, Name.createdAt), ticket.createdAt(), instant);
        instant(field(gen, Name.updatedAt), ticket.updatedAt(), instant);
        instant(field(gen, Name.firstRespondedAt), ticket.firstRespondedAt().orElse(null), instant);
        instant(field(gen, Name.closedAt), ticket.closedAt().orElse(null), instant);
        field(gen, Name.version).writeNumber(ticket.version());
    }

    /** TicketSla's components, then the values API.md lists that it derives (Json's mix-in adds them there). */
    private static void sla(JsonGenerator gen, TicketSla sla, char[] instant) throws IOException {
        gen.writeStartObject(sla);
        gen.writeFieldName(CALENDAR_ID);
        gen.writeString(sla.calendarId());
        gen.writeFieldName(UPDATE_CADENCE);
        gen.writeString(sla.updateCadence().toString());
        gen.writeFieldName(DEADLINES);
        gen.writeStartObject(sla.deadlines());
        // Each due comes again below as one of API.md's derived fields: formatted once, written twice.
        var dues = new char[TARGETS.length][];
        var dueLengths = new int[dues.length];
        for (Map.Entry<SlaTarget, SlaDeadline> entry : sla.deadlines().entrySet()) {
            gen.writeFieldName(TARGETS[entry.getKey().ordinal()]);
            var deadline = entry.getValue();
            gen.writeStartObject(deadline);
            gen.writeFieldName(WARN_AT);
            instant(gen, deadline.warnAt(), instant);
            gen.writeFieldName(DUE);
            int target = entry.getKey().ordinal();
            dues[target] = new char[IsoInstant.MAX_LENGTH];
            dueLengths[target] = IsoInstant.write(deadline.due(), dues[target]);
            formatted(gen, deadline.due(), dues[target], dueLengths[target]);
            gen.writeFieldName(RAISED);
            constants(gen, ALARMS, deadline.raised());
            gen.writeEndObject();
        }
        gen.writeEndObject();
        gen.writeFieldName(RUNNING);
        constants(gen, TARGETS, sla.running());
        gen.writeFieldName(PAUSED_SINCE);
        instant(gen, sla.pausedSince().orElse(null), instant);
        gen.writeFieldName(BREACHED);
        constants(gen, TARGETS, sla.breached());
        gen.writeFieldName(AT_RISK);
        constants(gen, TARGETS, sla.atRisk());
        gen.writeFieldName(PAUSED);
        gen.writeBoolean(sla.paused());
        for (var derived : DERIVED_DUES) {
            int target = derived.getValue().ordinal();
            gen.writeFieldName(derived.getKey());
            formatted(gen, sla.deadline(derived.getValue()).due(), dues[target], dueLengths[target]);
        }
        gen.writeEndObject();
    }

    private static void resolution(JsonGenerator gen, Optional<Resolution> resolution, char[] instant)
            throws IOException {
        if (resolution.isEmpty()) {
            gen.writeNull();
            return;
        }
        var value = resolution.get();
        gen.writeStartObject(value);
        gen.writeFieldName(SOLUTION);
        gen.writeString(value.solution());
        gen.writeFieldName(COMMUNICATED_VIA);
        gen.writeString(METHODS[value.communicatedVia().ordinal()]);
        gen.writeFieldName(RESOLVED_BY);
        gen.writeString(value.resolvedBy().value());
        gen.writeFieldName(AT);
        instant(gen, value.at(), instant);
        gen.writeEndObject();
    }

    private static void intakeOwner(JsonGenerator gen, Optional<IntakeOwner> owner) throws IOException {
        if (owner.isEmpty()) {
            gen.writeNull();
            return;
        }
        var value = owner.get();
        gen.writeStartObject(value);
        gen.writeFieldName(USER_ID);
        gen.writeString(value.userId().value());
        gen.writeFieldName(DEPARTMENT_ID);
        text(gen, value.departmentId().map(DepartmentId::value).orElse(null));
        gen.writeEndObject();
    }
}
