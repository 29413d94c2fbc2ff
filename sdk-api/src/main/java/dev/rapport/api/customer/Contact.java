package dev.rapport.api.customer;

import java.util.Objects;
import java.util.Optional;

/**
 * A person to reach at a customer. Phone and e-mail are personal data: the SDK masks them for actors without
 * {@code customer.pii.read}.
 */
public record Contact(ContactId id, String name, Optional<String> title, Optional<String> phone,
                      Optional<String> email) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
    }
}
