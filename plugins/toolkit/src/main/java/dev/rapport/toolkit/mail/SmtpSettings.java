package dev.rapport.toolkit.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The SMTP settings of one plugin instance that sends mail (a notifier, a channel's replies), as the session
 * properties of Jakarta Mail (Angus Mail) want them. The password never shows in {@link #toString()}.
 *
 * @param user     who signs in, or empty for a relay that takes mail without
 * @param starttls whether the connection must be upgraded with STARTTLS (and the server's name checked)
 */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, boolean starttls,
                           Duration connectTimeout, Duration timeout) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The session properties. No write timeout: Angus implements it with a thread per connection, and a message of a
     * few kilobytes fits the socket's buffer, so a hung server shows on the next read.
     */
    public Properties properties() {
        var properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(user.isPresent()));
        if (starttls) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    /** {@code host:port}, for reasons and logs. */
    public String peer() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "smtp://" + user.map(u -> u + "@").orElse("") + peer() + (starttls ? " with STARTTLS" : "");
    }
}
