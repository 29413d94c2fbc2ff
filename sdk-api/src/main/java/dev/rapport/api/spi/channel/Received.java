package dev.rapport.api.spi.channel;

import dev.rapport.api.error.FieldError;

import java.util.List;
import java.util.Objects;

/** What a {@link PushChannel} made of one request. */
public sealed interface Received {
    /** A customer's message: the SDK files it (HTTP 202). */
    record Accepted(InboundMessage message) implements Received {
        public Accepted {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A genuine request that carries no customer message, such as a platform's ping or read receipt (HTTP 202). */
    record Ignored(String reason) implements Received {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The sender could not be authenticated, e.g. a bad signature or a stale timestamp (HTTP 401). */
    record Unauthenticated(String reason) implements Received {
        public Unauthenticated {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The request is malformed or breaks the channel's limits; {@code errors} name every bad field (HTTP 422). */
    record Invalid(List<FieldError> errors) implements Received {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid request names at least one field");
            }
        }
    }
}
