package dev.rapport.api.ticket;

import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.CustomerId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service request to open (SPEC §4). Give either a {@code priority} or the {@code urgent}/{@code important}
 * pair; with both, they must agree with the priority matrix.
 *
 * @param description objective and specific, required
 * @param channel     where the request came in; OTHER when empty
 * @param planDate    for P2 only: the resolution date agreed with the customer, replacing the resolution target
 * @param tags        labels such as {@code invoice}: trimmed, compared ignoring case, at most 10 of at most 40
 *                    characters each
 */
public record OpenTicket(CustomerId customerId, Optional<ContactId> contactId, String type, Optional<String> title,
                         String description, Optional<Priority> priority, Optional<Boolean> urgent,
                         Optional<Boolean> important, Optional<IntakeChannel> channel, List<TicketId> relatedTicketIds,
                         Optional<LocalDate> planDate, List<String> tags) {
    public OpenTicket {
        contactId = contactId == null ? Optional.empty() : contactId;
        title = title == null ? Optional.empty() : title;
        priority = priority == null ? Optional.empty() : priority;
        urgent = urgent == null ? Optional.empty() : urgent;
        important = important == null ? Optional.empty() : important;
        channel = channel == null ? Optional.empty() : channel;
        relatedTicketIds = relatedTicketIds == null ? List.of() : List.copyOf(relatedTicketIds);
        planDate = planDate == null ? Optional.empty() : planDate;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction of an {@link OpenTicket}. */
    public static final class Builder {
        private CustomerId customerId;
        private ContactId contactId;
        private String type;
        private String title;
        private String description;
        private Priority priority;
        private Boolean urgent;
        private Boolean important;
        private IntakeChannel channel;
        private final List<TicketId> related = new ArrayList<>();
        private LocalDate planDate;
        private final List<String> tags = new ArrayList<>();

        private Builder() {
        }

        public Builder customer(CustomerId id) { this.customerId = id; return this; }
        public Builder contact(ContactId id) { this.contactId = id; return this; }
        public Builder type(String type) { this.type = type; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder priority(Priority priority) { this.priority = priority; return this; }
        public Builder urgent(boolean urgent) { this.urgent = urgent; return this; }
        public Builder important(boolean important) { this.important = important; return this; }
        public Builder channel(IntakeChannel channel) { this.channel = channel; return this; }
        public Builder relatedTo(TicketId id) { this.related.add(id); return this; }
        public Builder planDate(LocalDate date) { this.planDate = date; return this; }
        public Builder tag(String tag) { this.tags.add(tag); return this; }
        public Builder tags(List<String> tags) { this.tags.addAll(tags); return this; }

        public OpenTicket build() {
            return new OpenTicket(customerId, Optional.ofNullable(contactId), type, Optional.ofNullable(title),
                    description, Optional.ofNullable(priority), Optional.ofNullable(urgent),
                    Optional.ofNullable(important), Optional.ofNullable(channel), related, Optional.ofNullable(planDate),
                    tags);
        }
    }
}
