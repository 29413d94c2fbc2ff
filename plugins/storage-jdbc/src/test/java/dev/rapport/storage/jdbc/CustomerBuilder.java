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

/**
 * A valid customer with a unique code and no optional fields, unless told otherwise: the fixtures' vocabulary over
 * {@link Customer.Builder}.
 */
final class CustomerBuilder {
    private final Customer.Builder customer;
    private final List<Contact> contacts = new ArrayList<>();

    private CustomerBuilder(Customer.Builder customer) {
        this.customer = customer;
    }

    static CustomerBuilder aCustomer() {
        return new CustomerBuilder(Customer.builder().id(CustomerId.of(Fixtures.newId()))
                .code("C2026%06d".formatted(Fixtures.unique())).kind(CustomerKind.ORGANIZATION).name("Acme Trading")
                .industry("Manufacturing").firstContactAt(Optional.of(T0))
                .firstContactChannel(Optional.of(IntakeChannel.PHONE)).createdAt(T0).updatedAt(T0));
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

    /** A builder holding {@code customer}, to derive a changed copy. */
    static CustomerBuilder from(Customer customer) {
        var b = new CustomerBuilder(customer.toBuilder());
        b.contacts.addAll(customer.contacts());
        return b;
    }

    CustomerBuilder withCode(String code) {
        customer.code(code);
        return this;
    }

    CustomerBuilder withName(String name) {
        customer.name(name);
        return this;
    }

    CustomerBuilder withKind(CustomerKind kind) {
        customer.kind(kind);
        return this;
    }

    CustomerBuilder withCooperationSince(LocalDate date) {
        customer.cooperationSince(Optional.of(date));
        return this;
    }

    CustomerBuilder withSource(CustomerSource source) {
        customer.source(Optional.of(source));
        return this;
    }

    CustomerBuilder withSegment(Segment segment) {
        customer.segment(segment);
        return this;
    }

    CustomerBuilder withMaintenanceLevel(MaintenanceLevel level) {
        customer.maintenanceLevel(level);
        return this;
    }

    /** An account manager without making the customer a key account. */
    CustomerBuilder managedBy(UserId manager) {
        customer.accountManagerId(Optional.of(manager));
        return this;
    }

    CustomerBuilder asKeyAccountOf(UserId manager) {
        customer.keyAccount(true).accountManagerId(Optional.of(manager));
        return this;
    }

    CustomerBuilder withTags(String... tags) {
        customer.tags(List.of(tags));
        return this;
    }

    CustomerBuilder withContractEnd(LocalDate date) {
        customer.contractEnd(Optional.of(date));
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
        customer.updatedAt(updatedAt);
        return this;
    }

    CustomerBuilder withVersion(long version) {
        customer.version(version);
        return this;
    }

    Customer build() {
        return customer.contacts(contacts).build();
    }
}
