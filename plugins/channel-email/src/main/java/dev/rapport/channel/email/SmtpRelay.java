package dev.rapport.channel.email;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/** Where replies go out: the SMTP settings of one channel. */
record SmtpRelay(String host, int port, Optional<String> user, Optional<String> password, boolean starttls,
                 Duration connectTimeout, Duration timeout) {

    /**
     * The session properties. No write timeout: Angus implements it with a thread per connection, and a reply's few
     * kilobytes fit the socket's buffer, so a hung server shows on the next read.
     */
    Properties properties() {
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

    String peer() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "smtp://" + user.map(u -> u + "@").orElse("") + peer() + (starttls ? " with STARTTLS" : "");
    }
}
