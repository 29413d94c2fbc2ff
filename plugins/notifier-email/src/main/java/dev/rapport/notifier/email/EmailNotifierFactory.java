package dev.rapport.notifier.email;

import dev.rapport.toolkit.mail.SmtpSettings;
import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Creates the {@code email} notifier: one message per recipient with an e-mail address (and per fixed {@code to}
 * address), in the recipient's language (zh-CN or en), sent over SMTP with Angus Mail.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code host} (required) and {@code port} (default 25, or 587 with {@code starttls}): the SMTP server;</li>
 *   <li>{@code username} and {@code password} (secret): to authenticate, both or neither;</li>
 *   <li>{@code starttls} (default false): require STARTTLS, with the server's certificate and host name checked;
 *   nothing is sent in clear text when the server does not offer it;</li>
 *   <li>{@code from} (required): the sender, e.g. {@code Rapport <rapport@example.com>};</li>
 *   <li>{@code to} (optional): comma-separated addresses that get every notification too, e.g. a team list;</li>
 *   <li>{@code to-locale} (default zh-CN): the language of messages to the {@code to} addresses;</li>
 *   <li>{@code zone} (default Asia/Shanghai): the time zone of times in messages;</li>
 *   <li>{@code connect-timeout} and {@code read-timeout} (default 5s each): connecting, and each wait for the
 *   server's reply; the SDK's time box for the instance ({@code timeout}, 10s by default) bounds the whole call.</li>
 * </ul>
 * Subjects and bodies come from the {@code messages_zh_CN.properties} and {@code messages_en.properties} templates
 * beside this class: one per event type, and a default for the others.
 */
public final class EmailNotifierFactory implements NotifierFactory {
    /** The id configuration refers to. */
    public static final String ID = "email";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String STARTTLS = "starttls";
    static final String FROM = "from";
    static final String TO = "to";
    static final String TO_LOCALE = "to-locale";
    static final String ZONE = "zone";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String READ_TIMEOUT = "read-timeout";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.required(HOST, ConfigKey.Type.STRING, "the SMTP server"),
                ConfigKey.optional(PORT, ConfigKey.Type.PORT, "the SMTP server's port: 25, or 587 with starttls"),
                ConfigKey.optional(USERNAME, ConfigKey.Type.STRING, "the login, with password"),
                ConfigKey.optional(PASSWORD, ConfigKey.Type.STRING, "the password, with username").asSecret(),
                ConfigKey.optional(STARTTLS, ConfigKey.Type.BOOLEAN, "false", "require STARTTLS, the certificate "
                        + "checked"),
                ConfigKey.required(FROM, ConfigKey.Type.STRING, "the sender's address"),
                ConfigKey.optional(TO, ConfigKey.Type.STRING, "comma-separated addresses that get every notification "
                        + "too"),
                ConfigKey.optional(TO_LOCALE, ConfigKey.Type.STRING, "zh-CN", "the language of messages to to"),
                ConfigKey.optional(ZONE, ConfigKey.Type.STRING, "Asia/Shanghai", "the time zone of times in messages"),
                ConfigKey.optional(CONNECT_TIMEOUT, ConfigKey.Type.DURATION, "5s", "connecting to the server"),
                ConfigKey.optional(READ_TIMEOUT, ConfigKey.Type.DURATION, "5s", "each wait for the server's reply"));
    }

    /** @throws PluginConfigException naming the key of a missing or unfit setting */
    @Override
    public Notifier create(PluginContext context) {
        var config = context.config();
        String instance = context.instanceName();
        String host = config.string(HOST);
        boolean starttls = config.bool(STARTTLS);
        int port = config.optionalInteger(PORT).orElse(starttls ? 587 : 25);
        Optional<String> username = config.optionalString(USERNAME);
        Optional<String> password = config.optionalString(PASSWORD);
        if (username.isPresent() != password.isPresent()) {
            throw problem(instance, USERNAME + " and " + PASSWORD + " go together: set both or neither");
        }
        InternetAddress from = address(instance, FROM, config.string(FROM));
        List<InternetAddress> to = addresses(instance, config);
        Locale toLocale = Locale.forLanguageTag(config.string(TO_LOCALE));
        ZoneId zone;
        try {
            zone = ZoneId.of(config.string(ZONE));
        } catch (DateTimeException e) {
            throw problem(instance, ZONE + " must be a time zone such as Asia/Shanghai");
        }
        var smtp = new SmtpSettings(host, port, username, password, starttls, config.duration(CONNECT_TIMEOUT),
                config.duration(READ_TIMEOUT));
        return new EmailNotifier(smtp, from, to, toLocale, new MailTemplates(zone), context.clock());
    }

    private static InternetAddress address(String instance, String key, String value) {
        try {
            var address = new InternetAddress(value, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw problem(instance, key + " is not an e-mail address: " + e.getMessage());
        }
    }

    private static List<InternetAddress> addresses(String instance, PluginConfig config) {
        Optional<String> list = config.optionalString(TO);
        if (list.isEmpty()) {
            return List.of();
        }
        try {
            var parsed = InternetAddress.parse(list.get(), true);
            for (var address : parsed) {
                address.validate();
            }
            return List.of(parsed);
        } catch (AddressException e) {
            throw problem(instance, TO + " is not a comma-separated list of e-mail addresses: " + e.getMessage());
        }
    }

    private static PluginConfigException problem(String instance, String what) {
        return new PluginConfigException(instance + ": " + what);
    }
}
