package dev.rapport.channel.email;

import dev.rapport.toolkit.mail.SmtpSettings;
import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.ChannelFactory;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates the {@code email} channel: customers' messages are polled from an IMAP folder (a message is new while it is
 * not flagged {@code \Seen}, and is flagged once the SDK has stored it), and agents' replies go back over SMTP, threaded
 * by {@code In-Reply-To} and {@code References}, under a {@code Message-ID} derived from the reply's id.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code imap-host} (required) and {@code imap-port} (default 993, or 143 without {@code imap-ssl}): the IMAP
 *   server;</li>
 *   <li>{@code imap-ssl} (default true): IMAP over TLS (imaps), with the server's certificate and host name checked;
 *   {@code false} sends the password in clear text, for a server on the same host only;</li>
 *   <li>{@code imap-user} and {@code imap-password} (both required; the password is secret): the mailbox's login;</li>
 *   <li>{@code folder} (default INBOX): the folder customers' messages arrive in;</li>
 *   <li>{@code failed-folder} (default {@code Rapport-Unfiled}, created when missing): where a message that cannot be
 *   filed (no sender to answer, an unreadable structure) is moved, once, instead of being read again at every poll;
 *   the SDK lists it for an administrator;</li>
 *   <li>{@code smtp-host} (required) and {@code smtp-port} (default 25, or 587 with {@code smtp-starttls}): the SMTP
 *   server replies go out through;</li>
 *   <li>{@code smtp-user} and {@code smtp-password} (secret): to authenticate to it, both or neither;</li>
 *   <li>{@code smtp-starttls} (default false): require STARTTLS, with the server's certificate and host name checked;
 *   nothing is sent in clear text when the server does not offer it;</li>
 *   <li>{@code from} (required): the support address replies go out from, e.g.
 *   {@code Rapport Support <support@example.com>};</li>
 *   <li>{@code message-id-domain} (default the domain of {@code from}): the right-hand side of replies'
 *   {@code Message-ID}s;</li>
 *   <li>{@code connect-timeout} and {@code read-timeout} (default 5s each): connecting to either server, and each
 *   wait for its reply.</li>
 * </ul>
 */
public final class EmailChannelFactory implements ChannelFactory {
    /** The id configuration refers to. */
    public static final String ID = "email";
    static final String IMAP_HOST = "imap-host";
    static final String IMAP_PORT = "imap-port";
    static final String IMAP_SSL = "imap-ssl";
    static final String IMAP_USER = "imap-user";
    static final String IMAP_PASSWORD = "imap-password";
    static final String FOLDER = "folder";
    static final String FAILED_FOLDER = "failed-folder";
    static final String DEFAULT_FAILED_FOLDER = "Rapport-Unfiled";
    static final String SMTP_HOST = "smtp-host";
    static final String SMTP_PORT = "smtp-port";
    static final String SMTP_USER = "smtp-user";
    static final String SMTP_PASSWORD = "smtp-password";
    static final String SMTP_STARTTLS = "smtp-starttls";
    static final String FROM = "from";
    static final String MESSAGE_ID_DOMAIN = "message-id-domain";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String READ_TIMEOUT = "read-timeout";

    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.required(IMAP_HOST, ConfigKey.Type.STRING, "the IMAP server"),
                ConfigKey.optional(IMAP_PORT, ConfigKey.Type.PORT, "the IMAP server's port: 993, or 143 without "
                        + "imap-ssl"),
                ConfigKey.optional(IMAP_SSL, ConfigKey.Type.BOOLEAN, "true", "IMAP over TLS, the certificate checked"),
                ConfigKey.required(IMAP_USER, ConfigKey.Type.STRING, "the mailbox's login"),
                ConfigKey.required(IMAP_PASSWORD, ConfigKey.Type.STRING, "the mailbox's password").asSecret(),
                ConfigKey.optional(FOLDER, ConfigKey.Type.STRING, "INBOX", "the folder customers' messages arrive in"),
                ConfigKey.optional(FAILED_FOLDER, ConfigKey.Type.STRING, DEFAULT_FAILED_FOLDER, "the folder a mail that "
                        + "cannot be filed is moved to, once, and listed for an admin; not the folder"),
                ConfigKey.required(SMTP_HOST, ConfigKey.Type.STRING, "the SMTP server replies go out through"),
                ConfigKey.optional(SMTP_PORT, ConfigKey.Type.PORT, "the SMTP server's port: 25, or 587 with "
                        + "smtp-starttls"),
                ConfigKey.optional(SMTP_USER, ConfigKey.Type.STRING, "the SMTP login, with smtp-password"),
                ConfigKey.optional(SMTP_PASSWORD, ConfigKey.Type.STRING, "the SMTP password, with smtp-user")
                        .asSecret(),
                ConfigKey.optional(SMTP_STARTTLS, ConfigKey.Type.BOOLEAN, "false", "require STARTTLS, the certificate "
                        + "checked"),
                ConfigKey.required(FROM, ConfigKey.Type.STRING, "the support address replies go out from"),
                ConfigKey.optional(MESSAGE_ID_DOMAIN, ConfigKey.Type.STRING, "the right-hand side of replies' "
                        + "Message-IDs; the domain of from without"),
                ConfigKey.optional(CONNECT_TIMEOUT, ConfigKey.Type.DURATION, "5s", "connecting to either server"),
                ConfigKey.optional(READ_TIMEOUT, ConfigKey.Type.DURATION, "5s", "each wait for a server's reply"));
    }

    /** @throws PluginConfigException naming the key of a missing or unfit setting */
    @Override
    public Channel create(PluginContext context) {
        PluginConfig config = context.config();
        String instance = context.instanceName();
        Duration connectTimeout = config.duration(CONNECT_TIMEOUT);
        Duration readTimeout = config.duration(READ_TIMEOUT);

        String imapHost = config.string(IMAP_HOST);
        boolean ssl = config.bool(IMAP_SSL);
        int imapPort = config.optionalInteger(IMAP_PORT).orElse(ssl ? 993 : 143);
        var imap = new ImapMailbox(imapHost, imapPort, ssl, config.string(IMAP_USER), config.string(IMAP_PASSWORD),
                config.string(FOLDER), config.string(FAILED_FOLDER), connectTimeout, readTimeout);
        if (imap.failedFolder().isBlank() || imap.failedFolder().equals(imap.folder())) {
            throw problem(instance, FAILED_FOLDER + " must name a folder other than " + FOLDER);
        }

        String smtpHost = config.string(SMTP_HOST);
        boolean starttls = config.bool(SMTP_STARTTLS);
        int smtpPort = config.optionalInteger(SMTP_PORT).orElse(starttls ? 587 : 25);
        Optional<String> smtpUser = config.optionalString(SMTP_USER);
        Optional<String> smtpPassword = config.optionalString(SMTP_PASSWORD);
        if (smtpUser.isPresent() != smtpPassword.isPresent()) {
            throw problem(instance, SMTP_USER + " and " + SMTP_PASSWORD + " go together: set both or neither");
        }
        var smtp = new SmtpSettings(smtpHost, smtpPort, smtpUser, smtpPassword, starttls, connectTimeout, readTimeout);

        InternetAddress from = address(instance, config.string(FROM));
        String domain = config.optionalString(MESSAGE_ID_DOMAIN)
                .orElseGet(() -> from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1));
        if (!DOMAIN.matcher(domain).matches()) {
            throw problem(instance, MESSAGE_ID_DOMAIN + " must be a domain name such as example.com, not '" + domain + "'");
        }
        return new ImapChannel(imap, smtp, from, domain, context.clock());
    }

    private static InternetAddress address(String instance, String value) {
        try {
            var address = new InternetAddress(value, true);
            address.validate();
            if (address.getAddress().indexOf('@') < 0) {
                throw new AddressException("no domain", value);
            }
            return address;
        } catch (AddressException e) {
            throw problem(instance, FROM + " is not an e-mail address: " + e.getMessage());
        }
    }

    private static PluginConfigException problem(String instance, String what) {
        return new PluginConfigException(instance + ": " + what);
    }
}
