package dev.rapport.api.customer;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.security.Actor;

/** Everything that happened with a customer, newest first. */
public interface CustomerTimeline {
    /**
     * The customer's tickets (by when they were opened), interactions (by when they took place), purchases (by
     * their date, at the start of the day in the business zone) and follow-ups (by when they are due, so planned ones
     * come first), newest first; ties by kind, then newest id. Needs {@code customer.read}; ticket entries also need
     * {@code ticket.read}, follow-up entries one of the {@code follow-up.work} permissions.
     *
     * @throws NotFoundException for an unknown customer
     */
    Page<TimelineEntry> of(Actor actor, CustomerId customer, PageRequest page);
}
