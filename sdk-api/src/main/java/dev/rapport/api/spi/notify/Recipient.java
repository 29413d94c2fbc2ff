package dev.rapport.api.spi.notify;

import dev.rapport.api.security.UserId;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A user a notification is meant for: the people an event names (the assignee warned, the supervisors told of a
 * breach, the experts of an escalation).
 *
 * @param email  where to write to them, when the user has an address
 * @param locale the language to write in: zh-CN or en
 */
public record Recipient(UserId id, String name, Optional<String> email, Locale locale) {
    public Recipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(locale, "locale");
    }
}
