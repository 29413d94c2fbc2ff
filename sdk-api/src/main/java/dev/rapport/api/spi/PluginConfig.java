package dev.rapport.api.spi;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flat key/value settings of one plugin instance, the same whether they come from the host's builder, a file
 * or the environment. Typed getters fail with a {@link PluginConfigException} naming the instance and the key.
 * The SDK reports keys the plugin never read as unknown. Values of secret keys never appear in {@link #toString()}.
 */
public final class PluginConfig {
    private final String instance;
    private final Map<String, String> values;
    private final Set<String> secretKeys;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private PluginConfig(String instance, Map<String, String> values, Set<String> secretKeys) {
        this.instance = instance;
        this.values = Map.copyOf(values);
        this.secretKeys = Set.copyOf(secretKeys);
    }

    /** The settings {@code values} of the instance named {@code instance}. */
    public static PluginConfig of(String instance, Map<String, String> values, Set<String> secretKeys) {
        return new PluginConfig(instance, values, secretKeys);
    }

    /** @throws PluginConfigException when the key is missing or blank */
    public String string(String key) {
        return optionalString(key).orElseThrow(() -> problem(key, "is required"));
    }

    public Optional<String> optionalString(String key) {
        read.add(key);
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** @throws PluginConfigException when the value is not a whole number */
    public Optional<Integer> optionalInteger(String key) {
        return optionalString(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw problem(key, "must be a whole number, not '" + shown(key, v) + "'");
            }
        });
    }

    public int integer(String key, int defaultValue) {
        return optionalInteger(key).orElse(defaultValue);
    }

    /** ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    public Optional<Duration> optionalDuration(String key) {
        return optionalString(key).map(v -> parseDuration(key, v));
    }

    public Duration duration(String key, Duration defaultValue) {
        return optionalDuration(key).orElse(defaultValue);
    }

    public Optional<Boolean> optionalBoolean(String key) {
        return optionalString(key).map(v -> switch (v.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw problem(key, "must be true or false, not '" + shown(key, v) + "'");
        });
    }

    public boolean bool(String key, boolean defaultValue) {
        return optionalBoolean(key).orElse(defaultValue);
    }

    public Optional<URI> optionalUri(String key) {
        return optionalString(key).map(v -> {
            try {
                return URI.create(v);
            } catch (IllegalArgumentException e) {
                throw problem(key, "must be a URI");
            }
        });
    }

    /** The name of the instance these settings belong to. */
    public String instance() {
        return instance;
    }

    /** Keys that are set but were never read: unknown to the plugin. */
    public Set<String> unreadKeys() {
        var unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    /** The keys the plugin read so far: the ones it knows. */
    public Set<String> readKeys() {
        return new TreeSet<>(read);
    }

    private Duration parseDuration(String key, String v) {
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                return Duration.parse(v);
            }
            var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(v);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (DateTimeParseException | ArithmeticException ignored) {
            // reported below with the key named
        }
        throw problem(key, "must be a duration such as PT30S, 500ms, 30s, 5m, 2h or 1d");
    }

    private String shown(String key, String value) {
        return secretKeys.contains(key) ? "****" : value;
    }

    private PluginConfigException problem(String key, String what) {
        return new PluginConfigException(instance + ": " + key + " " + what);
    }

    @Override
    public String toString() {
        var shown = new TreeMap<String, String>();
        values.forEach((k, v) -> shown.put(k, shown(k, v)));
        return "PluginConfig[" + instance + " " + shown + "]";
    }
}
