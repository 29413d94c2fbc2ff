package dev.rapport.api.ticket;

import java.util.Objects;
import java.util.Optional;

/**
 * The customer's side of a message on a ticket: who wrote an inbound message, as far as the channel knows, or whom a
 * reply went to. The SDK finds the customer of an inbound message by e-mail, then phone, and creates one flagged for
 * completion when none matches. Personal data: masked for users without {@code customer.pii.read}.
 *
 * @param handle the person's id on a chat platform, e.g. {@code U024BE7LH}
 */
public record Correspondent(Optional<String> name, Optional<String> email, Optional<String> phone, Optional<String> handle) {
    public Correspondent {
        name = clean(name);
        email = clean(email);
        phone = clean(phone);
        handle = clean(handle);
        if (email.isEmpty() && phone.isEmpty() && handle.isEmpty()) {
            throw new IllegalArgumentException("a correspondent has an e-mail address, a phone number or a handle");
        }
    }

    /** A correspondent known by e-mail address only, with an optional display name. */
    public static Correspondent byEmail(String email, Optional<String> name) {
        return new Correspondent(name, Optional.of(email), Optional.empty(), Optional.empty());
    }

    private static Optional<String> clean(Optional<String> value) {
        return Objects.requireNonNull(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
