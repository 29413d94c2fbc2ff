package dev.rapport.api.ticket;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer's answer to a resolution, as recorded by an employee.
 *
 * @param method  how the answer was obtained
 * @param comment the customer's words; required when the answer is not SATISFIED
 */
public record Confirmation(Opinion opinion, Optional<CommunicationMethod> method, Optional<String> comment,
                           UserId recordedBy, Instant at) {
    public Confirmation {
        Objects.requireNonNull(opinion, "opinion");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(at, "at");
    }
}
