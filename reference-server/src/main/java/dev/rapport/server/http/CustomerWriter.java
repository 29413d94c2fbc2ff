package dev.rapport.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.NameTransformer;
import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.customer.Segment;
import dev.rapport.api.ticket.IntakeChannel;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;

/** A customer's JSON, field by field ({@link FieldWriter}); {@code CustomerWriterTest} holds it to Jackson's. */
final class CustomerWriter extends FieldWriter<Customer, CustomerWriter.Name> {
    enum Name {
        id, code, kind, name, industry, cooperationSince, source, segment, maintenanceLevel, keyAccount,
        accountManagerId, tags, contractEnd, firstContactAt, firstContactChannel, contacts, mergedInto,
        needsCompletion, createdAt, updatedAt, version
    }

    private static final SerializableString CONTACT_ID = new SerializedString("id");
    private static final SerializableString CONTACT_NAME = new SerializedString("name");
    private static final SerializableString TITLE = new SerializedString("title");
    private static final SerializableString PHONE = new SerializedString("phone");
    private static final SerializableString EMAIL = new SerializedString("email");

    private static final SerializableString[] KINDS = encoded(CustomerKind.values());
    private static final SerializableString[] SOURCES = encoded(CustomerSource.values());
    private static final SerializableString[] SEGMENTS = encoded(Segment.values());
    private static final SerializableString[] LEVELS = encoded(MaintenanceLevel.values());
    private static final SerializableString[] CHANNELS = encoded(IntakeChannel.values());

    CustomerWriter() {
        this(NameTransformer.NOP, false);
    }

    private CustomerWriter(NameTransformer rename, boolean unwrapped) {
        super(Customer.class, Name.values(), rename, unwrapped);
    }

    @Override
    CustomerWriter unwrapped(NameTransformer rename) {
        return new CustomerWriter(rename, true);
    }

    @Override
    void fields(Customer customer, JsonGenerator gen) throws IOException {
        var instant = new char[IsoInstant.MAX_LENGTH];
        id(gen, Name.id, customer.id());
        text(gen, Name.code, customer.code());
        constant(gen, Name.kind, KINDS, customer.kind());
        text(gen, Name.name, customer.name());
        text(gen, Name.industry, customer.industry());
        date(gen, Name.cooperationSince, customer.cooperationSince());
        constant(gen, Name.source, SOURCES, customer.source().orElse(null));
        constant(gen, Name.segment, SEGMENTS, customer.segment());
        constant(gen, Name.maintenanceLevel, LEVELS, customer.maintenanceLevel());
        field(gen, Name.keyAccount).writeBoolean(customer.keyAccount());
        id(gen, Name.accountManagerId, customer.accountManagerId().orElse(null));
        texts(gen, Name.tags, customer.tags());
        date(gen, Name.contractEnd, customer.contractEnd());
        instant(field(gen, Name.firstContactAt), customer.firstContactAt().orElse(null), instant);
        constant(gen, Name.firstContactChannel, CHANNELS, customer.firstContactChannel().orElse(null));
        field(gen, Name.contacts).writeStartArray();
        for (var contact : customer.contacts()) {
            contact(gen, contact);
        }
        gen.writeEndArray();
        id(gen, Name.mergedInto, customer.mergedInto().orElse(null));
        field(gen, Name.needsCompletion).writeBoolean(customer.needsCompletion());
        instant(field(gen, Name.createdAt), customer.createdAt(), instant);
        instant(field(gen, Name.updatedAt), customer.updatedAt(), instant);
        field(gen, Name.version).writeNumber(customer.version());
    }

    /** A date as the mapping's ISO-8601 writes it, which is what {@link LocalDate#toString()} writes. */
    private void date(JsonGenerator gen, Name name, Optional<LocalDate> date) throws IOException {
        text(gen, name, date.map(LocalDate::toString).orElse(null));
    }

    private static void contact(JsonGenerator gen, Contact contact) throws IOException {
        gen.writeStartObject(contact);
        gen.writeFieldName(CONTACT_ID);
        gen.writeString(contact.id().value());
        gen.writeFieldName(CONTACT_NAME);
        gen.writeString(contact.name());
        gen.writeFieldName(TITLE);
        text(gen, contact.title().orElse(null));
        gen.writeFieldName(PHONE);
        text(gen, contact.phone().orElse(null));
        gen.writeFieldName(EMAIL);
        text(gen, contact.email().orElse(null));
        gen.writeEndObject();
    }
}
