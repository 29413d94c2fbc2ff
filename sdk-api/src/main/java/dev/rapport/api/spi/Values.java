package dev.rapport.api.spi;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How configuration writes typed values; one parser per type, shared by the declarations' checks and the getters. */
final class Values {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Values() {
    }

    static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    static Optional<Duration> duration(String value) {
        String v = value.strip();
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                return Optional.of(Duration.parse(v));
            }
            var m = WITH_UNIT.matcher(v);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return Optional.of(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
        } catch (DateTimeParseException | ArithmeticException ignored) {
            // not a duration: the caller names the key
        }
        return Optional.empty();
    }

    static Optional<URI> uri(String value) {
        try {
            return Optional.of(URI.create(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<URI> httpUrl(String value) {
        return uri(value).filter(u -> u.getScheme() != null && u.getHost() != null)
                .filter(u -> u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"));
    }
}
