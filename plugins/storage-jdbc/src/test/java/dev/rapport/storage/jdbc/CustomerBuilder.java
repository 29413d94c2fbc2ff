package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.customer.Segment;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.IntakeChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.Fixtures.T0;

/** A valid customer with a unique code and no optional fields, unless told otherwise. */
final class CustomerBuilder {
    private CustomerId id = CustomerId.of(Fixtures.newId());
    private String code = "C2026%06d".formatted(Fixtures.unique());
    private String name = "Acme Trading";
    private CustomerKind kind = CustomerKind.ORGANIZATION;
    private Optional<LocalDate> cooperationSince = Optional.empty();
    private Optional<CustomerSource> source = Optional.empty();
    private Segment segment = Segment.NEW;
    private MaintenanceLevel maintenanceLevel = MaintenanceLevel.LOW;
    private boolean keyAccount;
    private Optional<UserId> accountManagerId = Optional.empty();
    private List<String> tags = List.of();
    private Optional<LocalDate> contractEnd = Optional.empty();
    private final List<Contact> contacts = new ArrayList<>();
    private Instant updatedAt = T0;
    private long version = 1;

    static CustomerBuilder aCustomer() {
        return new CustomerBuilder();
    }

    /** Every optional field set, two contacts (one with every detail) and tags. */
    static CustomerBuilder aFullyDescribedCustomer() {
        return aCustomer()
                .withKind(CustomerKind.PERSON)
                .withName("Zhang Wei")
                .withCooperationSince(LocalDate.of(2019, 2, 28))
                .withSource(CustomerSource.REFERRAL)
                .withSegment(Segment.HIGH_VALUE)
                .withMaintenanceLevel(MaintenanceLevel.HIGH)
                .asKeyAccountOf(UserId.of("manager-1"))
                .withTags("delivery time", "price", "定制")
                .withContractEnd(LocalDate.of(2027, 12, 31))
                .withContact(new Contact(ContactId.of(Fixtures.newId()), "Zhang Wei",
                        Optional.of("Purchasing lead"), Optional.of("13812345678"), Optional.of("zhang@example.com")))
                .withContact(Fixtures.aContact("Li Na", null, "li.na@example.com"));
    }

    CustomerBuilder withCode(String code) {
        this.code = code;
        return this;
    }

    CustomerBuilder withName(String name) {
        this.name = name;
        return this;
    }

    CustomerBuilder withKind(CustomerKind kind) {
        this.kind = kind;
        return this;
    }

    CustomerBuilder withCooperationSince(LocalDate date) {
        this.cooperationSince = Optional.of(date);
        return this;
    }

    CustomerBuilder withSource(CustomerSource source) {
        this.source = Optional.of(source);
        return this;
    }

    CustomerBuilder withSegment(Segment segment) {
        this.segment = segment;
        return this;
    }

    CustomerBuilder withMaintenanceLevel(MaintenanceLevel level) {
        this.maintenanceLevel = level;
        return this;
    }

    /** An account manager without making the customer a key account. */
    CustomerBuilder managedBy(UserId manager) {
        this.accountManagerId = Optional.of(manager);
        return this;
    }

    CustomerBuilder asKeyAccountOf(UserId manager) {
        this.keyAccount = true;
        this.accountManagerId = Optional.of(manager);
        return this;
    }

    CustomerBuilder withTags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    CustomerBuilder withContractEnd(LocalDate date) {
        this.contractEnd = Optional.of(date);
        return this;
    }

    CustomerBuilder withContact(Contact contact) {
        this.contacts.add(contact);
        return this;
    }

    CustomerBuilder withContacts(List<Contact> contacts) {
        this.contacts.clear();
        this.contacts.addAll(contacts);
        return this;
    }

    CustomerBuilder withUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    CustomerBuilder withVersion(long version) {
        this.version = version;
        return this;
    }

    /** A builder holding {@code customer}, to derive a changed copy. */
    static CustomerBuilder from(Customer customer) {
        var b = new CustomerBuilder();
        b.id = customer.id();
        b.code = customer.code();
        b.name = customer.name();
        b.kind = customer.kind();
        b.cooperationSince = customer.cooperationSince();
        b.source = customer.source();
        b.segment = customer.segment();
        b.maintenanceLevel = customer.maintenanceLevel();
        b.keyAccount = customer.keyAccount();
        b.accountManagerId = customer.accountManagerId();
        b.tags = customer.tags();
        b.contractEnd = customer.contractEnd();
        b.contacts.addAll(customer.contacts());
        b.updatedAt = customer.updatedAt();
        b.version = customer.version();
        return b;
    }

    Customer build() {
        return new Customer(id, code, kind, name, "Manufacturing", cooperationSince, source, segment, maintenanceLevel,
                keyAccount, accountManagerId, tags, contractEnd, Optional.of(T0), Optional.of(IntakeChannel.PHONE),
                contacts, Optional.empty(), false, T0, updatedAt, version);
    }
}
