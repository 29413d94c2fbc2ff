package dev.rapport.api.customer;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.IntakeChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything about a customer that people enter and edit (SPEC §3). Used to create a customer and, as the new
 * state, to update one. {@link Customers#validate(CustomerProfile)} lists every invalid field.
 *
 * @param kind             required
 * @param name             the legal name, required
 * @param industry         required, one of the configured industries
 * @param keyAccount       when true, {@code accountManagerId} is required
 * @param tags             preference tags such as "delivery time"
 * @param contractEnd      when the contract ends, for renewal care
 * @param firstContactAt   when the customer first contacted us; the time of creation when empty; never in the future
 * @param firstContactChannel how the customer first contacted us
 * @param contacts         at least one; each with a name and a phone or an e-mail
 */
public record CustomerProfile(CustomerKind kind, String name, String industry, Optional<LocalDate> cooperationSince,
                              Optional<CustomerSource> source, Segment segment, MaintenanceLevel maintenanceLevel,
                              boolean keyAccount, Optional<UserId> accountManagerId, List<String> tags,
                              Optional<LocalDate> contractEnd, Optional<Instant> firstContactAt,
                              Optional<IntakeChannel> firstContactChannel, List<ContactDraft> contacts) {
    public CustomerProfile {
        cooperationSince = cooperationSince == null ? Optional.empty() : cooperationSince;
        source = source == null ? Optional.empty() : source;
        segment = segment == null ? Segment.NEW : segment;
        maintenanceLevel = maintenanceLevel == null ? MaintenanceLevel.LOW : maintenanceLevel;
        accountManagerId = accountManagerId == null ? Optional.empty() : accountManagerId;
        tags = tags == null ? List.of() : List.copyOf(tags);
        contractEnd = contractEnd == null ? Optional.empty() : contractEnd;
        firstContactAt = firstContactAt == null ? Optional.empty() : firstContactAt;
        firstContactChannel = firstContactChannel == null ? Optional.empty() : firstContactChannel;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this profile, to change some fields of it. */
    public Builder toBuilder() {
        var b = new Builder();
        b.kind = kind;
        b.name = name;
        b.industry = industry;
        b.cooperationSince = cooperationSince.orElse(null);
        b.source = source.orElse(null);
        b.segment = segment;
        b.maintenanceLevel = maintenanceLevel;
        b.keyAccount = keyAccount;
        b.accountManagerId = accountManagerId.orElse(null);
        b.tags = new ArrayList<>(tags);
        b.contractEnd = contractEnd.orElse(null);
        b.firstContactAt = firstContactAt.orElse(null);
        b.firstContactChannel = firstContactChannel.orElse(null);
        b.contacts = new ArrayList<>(contacts);
        return b;
    }

    /** Fluent construction; unset optional fields stay empty, segment defaults to NEW and maintenance to LOW. */
    public static final class Builder {
        private CustomerKind kind;
        private String name;
        private String industry;
        private LocalDate cooperationSince;
        private CustomerSource source;
        private Segment segment;
        private MaintenanceLevel maintenanceLevel;
        private boolean keyAccount;
        private UserId accountManagerId;
        private List<String> tags = new ArrayList<>();
        private LocalDate contractEnd;
        private Instant firstContactAt;
        private IntakeChannel firstContactChannel;
        private List<ContactDraft> contacts = new ArrayList<>();

        private Builder() {
        }

        public Builder kind(CustomerKind kind) { this.kind = kind; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder industry(String industry) { this.industry = industry; return this; }
        public Builder cooperationSince(LocalDate date) { this.cooperationSince = date; return this; }
        public Builder source(CustomerSource source) { this.source = source; return this; }
        public Builder segment(Segment segment) { this.segment = segment; return this; }
        public Builder maintenanceLevel(MaintenanceLevel level) { this.maintenanceLevel = level; return this; }
        public Builder keyAccount(boolean keyAccount) { this.keyAccount = keyAccount; return this; }
        public Builder accountManagerId(UserId id) { this.accountManagerId = id; return this; }
        public Builder tags(List<String> tags) { this.tags = new ArrayList<>(tags == null ? List.of() : tags); return this; }
        public Builder contractEnd(LocalDate date) { this.contractEnd = date; return this; }
        public Builder firstContactAt(Instant at) { this.firstContactAt = at; return this; }
        public Builder firstContactChannel(IntakeChannel channel) { this.firstContactChannel = channel; return this; }
        public Builder contacts(List<ContactDraft> contacts) { this.contacts = new ArrayList<>(contacts == null ? List.of() : contacts); return this; }
        public Builder contact(ContactDraft contact) { this.contacts.add(contact); return this; }

        public CustomerProfile build() {
            return new CustomerProfile(kind, name, industry, Optional.ofNullable(cooperationSince),
                    Optional.ofNullable(source), segment, maintenanceLevel, keyAccount,
                    Optional.ofNullable(accountManagerId), tags, Optional.ofNullable(contractEnd),
                    Optional.ofNullable(firstContactAt), Optional.ofNullable(firstContactChannel), contacts);
        }
    }
}
