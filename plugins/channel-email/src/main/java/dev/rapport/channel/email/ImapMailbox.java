package dev.rapport.channel.email;

import java.time.Duration;
import java.util.Properties;

/** Where customers' messages wait: the IMAP settings of one channel. */
record ImapMailbox(String host, int port, boolean ssl, String user, String password, String folder,
                   String failedFolder, Duration connectTimeout, Duration timeout) {

    /** {@code imaps} over TLS, else {@code imap}. */
    String protocol() {
        return ssl ? "imaps" : "imap";
    }

    /**
     * The session properties. No write timeout: Angus implements it with a thread per connection, and the commands
     * sent are a few bytes, so a hung server shows on the next read.
     */
    Properties properties() {
        String prefix = "mail." + protocol() + ".";
        var properties = new Properties();
        properties.setProperty("mail.store.protocol", protocol());
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", Integer.toString(port));
        properties.setProperty(prefix + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
        properties.setProperty(prefix + "timeout", Long.toString(timeout.toMillis()));
        // Reading a body must never mark it \Seen: only acknowledge() does.
        properties.setProperty(prefix + "peek", "true");
        if (ssl) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    String peer() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return protocol() + "://" + user + "@" + peer() + "/" + folder;
    }
}
