package dev.rapport.server;

import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.server.logging.LogFormat;
import dev.rapport.server.metrics.MetricsSettings;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The server's settings, from flags, then environment variables, then a properties file ({@code --config}), in that
 * order of precedence. See docs/operations.md for the table.
 *
 * @param dataDir            where the embedded H2 database lives when no database URL is given, and attachments always
 *                           (in {@link #attachmentDir()})
 * @param maxAttachmentBytes the largest attachment; larger uploads get 413
 * @param sdkConfig          the config file's {@code rapport.*} keys, handed to the SDK as they are (notifiers, event
 *                           delivery); the SDK refuses those it does not know
 * @param publicUrl          where customers reach this server, e.g. {@code https://service.example.com}: the base of
 *                           survey links; by default {@code http://localhost:<port>}
 * @param surveySecret       the secret survey links' tokens are derived with; random per start when absent
 * @param idleTimeout        how long a client may keep a connection waiting (idle, or stalled within a request)
 *                           before the server closes it
 * @param pluginsDir         the directory of plugin jars loaded at start (see
 *                           {@code RapportBuilder.pluginDirectory}), if any
 * @param metrics            where {@code GET /metrics} is served (the API's port, or a management port) and the
 *                           token it may require
 * @param logFormat          plain text or JSON lines on standard output
 * @param shutdownTimeout    the most a stop (SIGTERM) may take: requests in flight, pending events, the pool
 */
public record ServerOptions(int port, Path dataDir, Optional<String> dbUrl, Optional<String> dbUser,
                            Optional<String> dbPassword, boolean demo, long maxJsonBytes, long maxAttachmentBytes,
                            Map<String, String> sdkConfig, Optional<String> publicUrl,
                            Optional<String> surveySecret, Duration idleTimeout, Optional<Path> pluginsDir,
                            MetricsSettings metrics, LogFormat logFormat, Duration shutdownTimeout) {
    /** How long a client may keep a connection waiting, unless configured. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** How long a stop may take, unless configured. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LONGEST_IDLE_TIMEOUT = Duration.ofHours(1);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final String SDK_PREFIX = "rapport.";

    public ServerOptions {
        sdkConfig = Map.copyOf(sdkConfig);
    }

    /** One setting: its flag, environment variable and file key. */
    private record Setting(String flag, String env, String key) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("--port", "RAPPORT_PORT", "port"),
            new Setting("--data-dir", "RAPPORT_DATA_DIR", "data-dir"),
            new Setting("--db-url", "RAPPORT_DB_URL", "db-url"),
            new Setting("--db-user", "RAPPORT_DB_USER", "db-user"),
            new Setting("--db-password", "RAPPORT_DB_PASSWORD", "db-password"),
            new Setting("--demo", "RAPPORT_DEMO", "demo"),
            new Setting("--max-json-bytes", "RAPPORT_MAX_JSON_BYTES", "max-json-bytes"),
            new Setting("--max-attachment-bytes", "RAPPORT_MAX_ATTACHMENT_BYTES", "max-attachment-bytes"),
            new Setting("--public-url", "RAPPORT_PUBLIC_URL", "public-url"),
            new Setting("--survey-secret", "RAPPORT_SURVEY_SECRET", "survey-secret"),
            new Setting("--idle-timeout", "RAPPORT_IDLE_TIMEOUT", "idle-timeout"),
            new Setting("--plugins", "RAPPORT_PLUGINS_DIR", "plugins"),
            new Setting("--metrics-port", "RAPPORT_METRICS_PORT", "metrics-port"),
            new Setting("--metrics-token", "RAPPORT_METRICS_TOKEN", "metrics-token"),
            new Setting("--log-format", "RAPPORT_LOG_FORMAT", "log-format"),
            new Setting("--shutdown-timeout", "RAPPORT_SHUTDOWN_TIMEOUT", "shutdown-timeout"));

    public static final String USAGE = """
            Usage: java -jar rapport-server.jar [options]
              --port N              HTTP port (default 8080)
              --data-dir DIR        directory of the embedded H2 database and of attachments (default ./data)
              --db-url URL          JDBC URL of an H2 or PostgreSQL database instead of the embedded one
              --db-user USER        database user
              --db-password SECRET  database password
              --demo                seed demo users and data (password rapport-demo)
              --max-json-bytes N    largest JSON request body (default 1048576)
              --max-attachment-bytes N
                                    largest attachment (default 26214400)
              --public-url URL      where customers reach this server, the base of survey and status links
                                    (default http://localhost:<port>)
              --survey-secret SECRET
                                    the key survey links are derived with, at least 32 characters (default:
                                    random per start)
              --idle-timeout DURATION
                                    close a connection whose client keeps it waiting this long: idle, or stalled
                                    within a request line, headers or body (default 30s; 10s, 2m or PT30S)
              --plugins DIR         load every plugin jar in DIR, each in a class loader of its own (default:
                                    plugins/ beside rapport-server.jar, when it exists)
              --metrics-port N      serve GET /metrics on this management port instead of the HTTP port
              --metrics-token SECRET
                                    require "Authorization: Bearer SECRET" on GET /metrics (at least 16
                                    characters; default: open to whoever reaches the port)
              --log-format plain|json
                                    log lines as plain text (default) or as JSON objects
              --shutdown-timeout DURATION
                                    the most a stop (SIGTERM) may take, for requests in flight and pending
                                    events (default 20s)
              --config FILE         properties file with the keys port, data-dir, db-url, db-user, db-password,
                                    demo, max-json-bytes, max-attachment-bytes, public-url, survey-secret,
                                    idle-timeout, plugins, metrics-port, metrics-token, log-format,
                                    shutdown-timeout, and SDK keys rapport.* (e.g. rapport.notifiers.ops.type=webhook)
            Environment: RAPPORT_PORT, RAPPORT_DATA_DIR, RAPPORT_DB_URL, RAPPORT_DB_USER, RAPPORT_DB_PASSWORD,
                         RAPPORT_DEMO, RAPPORT_MAX_JSON_BYTES, RAPPORT_MAX_ATTACHMENT_BYTES, RAPPORT_PUBLIC_URL,
                         RAPPORT_SURVEY_SECRET, RAPPORT_IDLE_TIMEOUT, RAPPORT_PLUGINS_DIR, RAPPORT_METRICS_PORT,
                         RAPPORT_METRICS_TOKEN, RAPPORT_LOG_FORMAT, RAPPORT_SHUTDOWN_TIMEOUT. Flags win over the
                         environment, which wins
                         over the file.
            """;

    /** @throws IllegalArgumentException with a message for the person starting the server */
    public static ServerOptions parse(String[] args, Map<String, String> env) {
        var flags = new LinkedHashMap<String, String>();
        Optional<Path> configFile = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean isSwitch = name.equals("--demo");
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (isSwitch) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (name.equals("--config")) {
                configFile = Optional.of(Path.of(value));
            } else if (SETTINGS.stream().anyMatch(s -> s.flag().equals(name))) {
                flags.put(name, value);
            } else {
                throw new IllegalArgumentException("Unknown option " + name);
            }
        }
        var file = configFile.map(ServerOptions::load).orElseGet(Map::of);
        var values = new HashMap<String, String>();
        for (var s : SETTINGS) {
            Optional.ofNullable(flags.get(s.flag()))
                    .or(() -> Optional.ofNullable(env.get(s.env())))
                    .or(() -> Optional.ofNullable(file.get(s.key())))
                    .filter(v -> !v.isBlank())
                    .ifPresent(v -> values.put(s.key(), v.strip()));
        }
        int port = (int) number(values, "port", 8080, 0, 65535);
        return new ServerOptions(
                port,
                Path.of(values.getOrDefault("data-dir", "data")),
                Optional.ofNullable(values.get("db-url")),
                Optional.ofNullable(values.get("db-user")),
                Optional.ofNullable(values.get("db-password")),
                Boolean.parseBoolean(values.getOrDefault("demo", "false")),
                number(values, "max-json-bytes", 1_048_576, 1_024, Integer.MAX_VALUE - 8),
                number(values, "max-attachment-bytes", RapportBuilder.DEFAULT_MAX_ATTACHMENT_BYTES, 1,
                        Long.MAX_VALUE),
                sdkKeys(file),
                Optional.ofNullable(values.get("public-url")).map(ServerOptions::checkedPublicUrl),
                Optional.ofNullable(values.get("survey-secret")),
                duration(values, "idle-timeout", DEFAULT_IDLE_TIMEOUT, Duration.ofSeconds(1), LONGEST_IDLE_TIMEOUT),
                pluginsDir(values.get("plugins")),
                metrics(values, port),
                Optional.ofNullable(values.get("log-format")).map(LogFormat::parse).orElse(LogFormat.PLAIN),
                duration(values, "shutdown-timeout", DEFAULT_SHUTDOWN_TIMEOUT, Duration.ofSeconds(1),
                        LONGEST_IDLE_TIMEOUT));
    }

    /**
     * The configured plugins directory, which must exist; else {@code plugins} beside rapport-server.jar when that
     * exists. Not {@code ./plugins}: started from the repository's root, as the docs do, that is the plugins' sources.
     */
    private static Optional<Path> pluginsDir(String configured) {
        if (configured != null) {
            var dir = Path.of(configured);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("plugins must be a directory of plugin jars; " + configured
                        + " is not a directory");
            }
            return Optional.of(dir);
        }
        return besideTheJar().filter(Files::isDirectory);
    }

    /** {@code plugins} in the directory rapport-server.jar (or, run from the build, the class directory) is in. */
    private static Optional<Path> besideTheJar() {
        try {
            var code = ServerOptions.class.getProtectionDomain().getCodeSource();
            return code == null ? Optional.empty()
                    : Optional.ofNullable(Path.of(code.getLocation().toURI()).getParent()).map(p -> p.resolve("plugins"));
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static MetricsSettings metrics(Map<String, String> values, int port) {
        Optional<Integer> metricsPort = values.containsKey("metrics-port")
                ? Optional.of((int) number(values, "metrics-port", 0, 1, 65535)) : Optional.empty();
        if (metricsPort.isPresent() && metricsPort.get() == port) {
            throw new IllegalArgumentException("metrics-port must differ from port (" + port + "); leave it out to "
                    + "serve /metrics on the HTTP port");
        }
        var token = Optional.ofNullable(values.get("metrics-token"));
        if (token.isPresent() && (token.get().length() < 16 || token.get().chars().anyMatch(c -> c <= ' ' || c > '~'))) {
            throw new IllegalArgumentException("metrics-token must be at least 16 printable ASCII characters without "
                    + "spaces");
        }
        return new MetricsSettings(metricsPort, token);
    }

    /** Where customers reach the server: the configured URL without a trailing slash, or this host's port. */
    public String publicUrl(int boundPort) {
        return publicUrl.orElse("http://localhost:" + boundPort);
    }

    private static String checkedPublicUrl(String text) {
        try {
            var url = URI.create(text);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null
                    && url.getRawQuery() == null && url.getRawFragment() == null) {
                return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("public-url must be an http or https URL with a host, such as "
                + "https://service.example.com, not " + text);
    }

    /** The JDBC URL to use: the configured one, or an H2 file inside the data directory. */
    public String jdbcUrl() {
        return dbUrl.orElseGet(() -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rapport"));
    }

    /** Where attachments go when they are files ({@link #attachmentsInDataDir()}): {@code attachments} in the data directory. */
    public Path attachmentDir() {
        return dataDir.resolve("attachments");
    }

    /**
     * Whether attachments are files in {@link #attachmentDir()}: with the file-system store, which is the default on
     * H2 or chosen with {@code rapport.blobs.type=filesystem}. On PostgreSQL they default to the database, which every
     * node shares; another {@code rapport.blobs.type} (e.g. {@code s3}) brings its own settings.
     */
    public boolean attachmentsInDataDir() {
        String type = sdkConfig.get("rapport.blobs.type");
        return type == null ? !jdbcUrl().startsWith("jdbc:postgresql:") : type.equals("filesystem");
    }

    private static long number(Map<String, String> values, String key, long defaultValue, long min, long max) {
        String text = values.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", not " + text);
    }

    /** {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT30S}), from {@code min} to {@code max}. */
    private static Duration duration(Map<String, String> values, String key, Duration defaultValue, Duration min,
                                     Duration max) {
        String text = values.get(key);
        if (text == null) {
            return defaultValue;
        }
        Duration value = null;
        try {
            var shorthand = SHORT_DURATION.matcher(text);
            if (shorthand.matches()) {
                long n = Long.parseLong(shorthand.group(1));
                value = switch (shorthand.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                value = Duration.parse(text);
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be a duration from " + min.toSeconds() + "s to "
                    + max.toHours() + "h, such as 30s, 2m or PT30S, not " + text);
        }
        return value;
    }

    private static Map<String, String> sdkKeys(Map<String, String> file) {
        var keys = new TreeMap<String, String>();
        file.forEach((key, value) -> {
            if (key.startsWith(SDK_PREFIX)) {
                keys.put(key, value.strip());
            }
        });
        return keys;
    }

    private static Map<String, String> load(Path file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the config file " + file + ": " + e.getMessage());
        }
        var values = new HashMap<String, String>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }

    @Override
    public String toString() {
        // A JDBC URL may carry credentials in its parameters: show it up to them.
        var url = dbUrl.map(u -> u.contains("?") ? u.substring(0, u.indexOf('?')) + "?****" : u);
        return "ServerOptions[port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + url + ", dbUser=" + dbUser
                + ", dbPassword=" + dbPassword.map(p -> "****") + ", demo=" + demo + ", maxJsonBytes=" + maxJsonBytes
                + ", maxAttachmentBytes=" + maxAttachmentBytes + ", sdkConfig=" + new TreeMap<>(sdkConfig).keySet()
                + ", publicUrl=" + publicUrl + ", surveySecret=" + surveySecret.map(p -> "****")
                + ", idleTimeout=" + idleTimeout + ", pluginsDir=" + pluginsDir + ", metrics=" + metrics
                + ", logFormat=" + logFormat + ", shutdownTimeout=" + shutdownTimeout + "]";
    }
}
