package dev.rapport.api.spi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flat key/value settings of one plugin instance, the same whether they come from the host's builder, a file
 * or the environment. Typed getters fail with a {@link PluginConfigException} naming the instance and the key.
 * Values of secret keys never appear in {@link #toString()} or in errors.
 *
 * <p>When the factory declares its keys ({@link PluginFactory#keys()}), the SDK checks the settings against the
 * declarations before creating the instance ({@link #problems(Set)}: every unknown key, with the nearest known one
 * suggested, every missing required key and every malformed value, at once), and the getters without a default
 * argument fall back to the declared default; reading a key the factory did not declare is a programming error. A
 * factory that declares nothing is checked after creation instead: keys it never read are unknown
 * ({@link #unreadProblems(Set)}).
 *
 * <p>Safe to read from several threads.
 */
public final class PluginConfig {
    private final String instance;
    private final Map<String, String> values;
    private final Set<String> secretKeys;
    private final Map<String, ConfigKey> declared;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private PluginConfig(String instance, Map<String, String> values, Set<String> secretKeys,
                         List<ConfigKey> declared) {
        this.instance = instance;
        this.values = Map.copyOf(values);
        var keys = new LinkedHashMap<String, ConfigKey>();
        var secrets = new HashSet<>(secretKeys);
        for (ConfigKey key : declared) {
            if (keys.put(key.name(), key) != null) {
                throw new IllegalArgumentException("the key " + key.name() + " is declared twice");
            }
            if (key.secret()) {
                secrets.add(key.name());
            }
        }
        this.declared = Collections.unmodifiableMap(keys);
        this.secretKeys = Set.copyOf(secrets);
    }

    /** The settings {@code values} of the instance named {@code instance}, for a factory that declares no keys. */
    public static PluginConfig of(String instance, Map<String, String> values, Set<String> secretKeys) {
        return new PluginConfig(instance, values, secretKeys, List.of());
    }

    /**
     * The settings {@code values} of the instance named {@code instance} of {@code factory}, checked against its
     * {@link PluginFactory#keys() declared keys} if it declares any, secrets masked by its
     * {@link PluginFactory#secretKeys()}.
     */
    public static PluginConfig of(String instance, Map<String, String> values, PluginFactory<?> factory) {
        return new PluginConfig(instance, values, factory.secretKeys(), factory.keys());
    }

    /** The keys the factory declared, in its order; empty when it declares none. */
    public List<ConfigKey> declaredKeys() {
        return List.copyOf(declared.values());
    }

    /**
     * Every problem of these settings against the declared keys, each naming the instance and the key: an unknown
     * key (with the nearest known key when one is a likely typo: "unknown key `pth`; did you mean `path`?"), a
     * missing required key, a value not of its key's type or shorter than its minimum. Empty when there is none, or
     * when the factory declares no keys.
     *
     * @param alsoKnown keys the SDK reads itself for every instance of the extension point (never unknown)
     */
    public List<String> problems(Set<String> alsoKnown) {
        if (declared.isEmpty()) {
            return List.of();
        }
        var known = new TreeSet<>(declared.keySet());
        known.addAll(alsoKnown);
        var problems = new ArrayList<String>();
        for (String key : new TreeSet<>(values.keySet())) {
            if (!known.contains(key)) {
                problems.add(unknown(key, known));
            }
        }
        for (ConfigKey key : declared.values()) {
            Optional<String> value = present(key.name());
            if (value.isEmpty()) {
                if (key.required()) {
                    problems.add(instance + ": " + key.name() + " is required (" + key.description() + ")");
                }
                continue;
            }
            key.type().problem(value.get())
                    .or(() -> shortness(key, value.get()))
                    .ifPresent(problem -> problems.add(instance + ": " + key.name() + " " + problem
                            + (key.secret() ? "" : ", not '" + value.get() + "'")));
        }
        return problems;
    }

    /**
     * For a factory that declares no keys, after it created the instance: each key set but never read, with the
     * nearest key it read when one is a likely typo. Empty for a factory that declares its keys (see
     * {@link #problems(Set)}).
     *
     * @param alsoKnown keys the SDK reads itself for every instance of the extension point (never unknown)
     */
    public List<String> unreadProblems(Set<String> alsoKnown) {
        if (!declared.isEmpty()) {
            return List.of();
        }
        var known = new TreeSet<>(read);
        known.addAll(alsoKnown);
        var problems = new ArrayList<String>();
        for (String key : unreadKeys()) {
            if (!known.contains(key)) {
                problems.add(unknown(key, known));
            }
        }
        return problems;
    }

    private String unknown(String key, Set<String> known) {
        return instance + ": unknown key `" + key + "`" + NearestKey.to(key, known)
                .map(nearest -> "; did you mean `" + nearest + "`?")
                .orElse("; known keys: " + known);
    }

    private static Optional<String> shortness(ConfigKey key, String value) {
        return value.length() < key.minLength()
                ? Optional.of("must be at least " + key.minLength() + " characters")
                : Optional.empty();
    }

    /**
     * The value of {@code key}, else its declared default.
     *
     * @throws PluginConfigException when the key is missing or blank and has no default, or is shorter than its
     *                               declared minimum length
     */
    public String string(String key) {
        String value = value(key).orElseThrow(() -> problem(key, "is required"));
        int minLength = declared.containsKey(key) ? declared.get(key).minLength() : 0;
        if (value.length() < minLength) {
            throw problem(key, "must be at least " + minLength + " characters");
        }
        return value;
    }

    /**
     * The value of {@code key}, else its declared default, at least {@code minLength} characters long.
     *
     * @throws PluginConfigException when the key is missing or the value shorter
     */
    public String string(String key, int minLength) {
        String value = string(key);
        if (value.length() < minLength) {
            throw problem(key, "must be at least " + minLength + " characters");
        }
        return value;
    }

    /** The value of {@code key} when it is set (not blank); never its default. */
    public Optional<String> optionalString(String key) {
        markRead(key);
        return present(key);
    }

    /**
     * The value of {@code key} (else its declared default) as a URI; an absolute {@code http} or {@code https} URL
     * with a host when the key is declared {@link ConfigKey.Type#HTTP_URL}.
     *
     * @throws PluginConfigException when missing without a default, or not such a URI
     */
    public URI uri(String key) {
        String value = string(key);
        boolean http = declared.containsKey(key) && declared.get(key).type() == ConfigKey.Type.HTTP_URL;
        return (http ? Values.httpUrl(value) : Values.uri(value))
                .orElseThrow(() -> problem(key, http ? "must be " + ConfigKey.Type.HTTP_URL.shape() : "must be a URI"));
    }

    /**
     * The value of {@code key} (else its declared default) as a whole number of at least 1.
     *
     * @throws PluginConfigException when missing without a default, or not such a number
     */
    public int positiveInteger(String key) {
        String value = string(key);
        return Values.integer(value).filter(n -> n >= 1).orElseThrow(() ->
                problem(key, "must be " + ConfigKey.Type.POSITIVE_INTEGER.shape() + ", not '" + shown(key, value) + "'"));
    }

    /**
     * The value of {@code key} (else its declared default) as a whole number.
     *
     * @throws PluginConfigException when missing without a default, or not a whole number
     */
    public int integer(String key) {
        String value = string(key);
        return Values.integer(value).orElseThrow(() ->
                problem(key, "must be a whole number, not '" + shown(key, value) + "'"));
    }

    /**
     * The value of {@code key} (else its declared default) as a positive duration ({@code 500ms}, {@code 30s},
     * {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601).
     *
     * @throws PluginConfigException when missing without a default, or not a positive duration
     */
    public Duration duration(String key) {
        String value = string(key);
        return Values.duration(value).filter(Duration::isPositive).orElseThrow(() ->
                problem(key, "must be " + ConfigKey.Type.DURATION.shape()));
    }

    /**
     * The value of {@code key} (else its declared default): {@code true} or {@code false}.
     *
     * @throws PluginConfigException when missing without a default, or neither
     */
    public boolean bool(String key) {
        String value = string(key);
        return Values.bool(value).orElseThrow(() ->
                problem(key, "must be true or false, not '" + shown(key, value) + "'"));
    }

    /** The set value, else the declared default. */
    private Optional<String> value(String key) {
        markRead(key);
        return present(key).or(() -> Optional.ofNullable(declared.get(key)).flatMap(ConfigKey::defaultValue));
    }

    private Optional<String> present(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private void markRead(String key) {
        if (!declared.isEmpty() && !declared.containsKey(key)) {
            throw new IllegalArgumentException(instance + ": the factory reads " + key
                    + ", which it does not declare in keys()");
        }
        read.add(key);
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
        return Values.duration(v).orElseThrow(() ->
                problem(key, "must be a duration such as PT30S, 500ms, 30s, 5m, 2h or 1d"));
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
