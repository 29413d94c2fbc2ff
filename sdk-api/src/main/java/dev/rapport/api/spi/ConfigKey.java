package dev.rapport.api.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key a {@link PluginFactory} declares in {@link PluginFactory#keys()}: its name, the type of its
 * value, whether it is required or else its default, whether its value is a secret, the shortest value it takes and
 * what it means. The SDK checks an instance's settings against the declarations before the factory creates it,
 * reporting every problem at once; {@link PluginConfig}'s getters then fall back to the declared defaults; the
 * documentation's key tables are checked against the declarations.
 *
 * <pre>{@code
 * List.of(ConfigKey.required("url", ConfigKey.Type.HTTP_URL, "where notifications are POSTed"),
 *         ConfigKey.required("secret", ConfigKey.Type.STRING, "shared with the receiver").asSecret().withMinLength(16),
 *         ConfigKey.optional("request-timeout", ConfigKey.Type.DURATION, "8s", "one delivery in all"))
 * }</pre>
 *
 * @param name         the key, kebab-case, e.g. {@code request-timeout}
 * @param type         what its value must be
 * @param required     whether an instance must set it; a required key has no default
 * @param defaultValue the value when it is not set, written as configuration would write it; empty when the key is
 *                     required, or optional without a fixed default (the description then says what happens)
 * @param secret       whether the value is a secret: masked in {@code toString()}, errors and logs
 * @param minLength    the fewest characters a value may have (0: no limit)
 * @param description  what the key means, one sentence, for tables and error messages
 */
public record ConfigKey(String name, Type type, boolean required, Optional<String> defaultValue, boolean secret,
                        int minLength, String description) {
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * @throws IllegalArgumentException when the name is not kebab-case, a required key has a default, the minimum
     *                                  length is negative, or the default is not a value of the type
     */
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!KEBAB_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("a key is kebab-case, e.g. request-timeout, not " + name);
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException(name + ": a required key has no default");
        }
        if (minLength < 0) {
            throw new IllegalArgumentException(name + ": minLength must not be negative");
        }
        defaultValue.flatMap(v -> type.problem(v)).ifPresent(problem -> {
            throw new IllegalArgumentException(name + ": the default " + problem);
        });
    }

    /** A key every instance must set. */
    public static ConfigKey required(String name, Type type, String description) {
        return new ConfigKey(name, type, true, Optional.empty(), false, 0, description);
    }

    /** An optional key taking {@code defaultValue} (as configuration writes it, e.g. {@code 5s}) when not set. */
    public static ConfigKey optional(String name, Type type, String defaultValue, String description) {
        return new ConfigKey(name, type, false, Optional.of(defaultValue), false, 0, description);
    }

    /** An optional key without a fixed default: the description says what happens when it is not set. */
    public static ConfigKey optional(String name, Type type, String description) {
        return new ConfigKey(name, type, false, Optional.empty(), false, 0, description);
    }

    /** The same key, its value a secret. */
    public ConfigKey asSecret() {
        return new ConfigKey(name, type, required, defaultValue, true, minLength, description);
    }

    /** The same key, refusing values shorter than {@code characters}. */
    public ConfigKey withMinLength(int characters) {
        return new ConfigKey(name, type, required, defaultValue, secret, characters, description);
    }

    /** What a value of a key may be. */
    public enum Type {
        /** Any text. */
        STRING("text"),
        /** A whole number, e.g. {@code -3} or {@code 12}. */
        INTEGER("a whole number"),
        /** A whole number of at least 1. */
        POSITIVE_INTEGER("a whole number of at least 1"),
        /** A TCP port, 1 to 65535. */
        PORT("a port from 1 to 65535"),
        /** {@code true} or {@code false}. */
        BOOLEAN("true or false"),
        /** A positive duration: a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT30S}). */
        DURATION("a positive duration such as 500ms, 30s, 5m, 2h, 1d or PT30S"),
        /** An absolute {@code http} or {@code https} URL with a host. */
        HTTP_URL("an http or https URL with a host");

        private final String shape;

        Type(String shape) {
            this.shape = shape;
        }

        /** What a value must be, e.g. "a port from 1 to 65535". */
        public String shape() {
            return shape;
        }

        /** Why {@code value} is not of this type ("must be …"), or empty when it is. */
        Optional<String> problem(String value) {
            boolean fits = switch (this) {
                case STRING -> true;
                case INTEGER -> Values.integer(value).isPresent();
                case POSITIVE_INTEGER -> Values.integer(value).filter(n -> n >= 1).isPresent();
                case PORT -> Values.integer(value).filter(n -> n >= 1 && n <= 65535).isPresent();
                case BOOLEAN -> Values.bool(value).isPresent();
                case DURATION -> Values.duration(value).filter(d -> d.isPositive()).isPresent();
                case HTTP_URL -> Values.httpUrl(value).isPresent();
            };
            return fits ? Optional.empty() : Optional.of("must be " + shape);
        }
    }
}
