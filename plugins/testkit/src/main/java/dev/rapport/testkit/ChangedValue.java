package dev.rapport.testkit;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A value of a declared key other than its default, made up from its type; none for free text. */
final class ChangedValue {
    private ChangedValue() {
    }

    static Optional<String> of(ConfigKey key) {
        Optional<String> given = key.defaultValue();
        return switch (key.type()) {
            case STRING -> Optional.empty();
            case INTEGER, POSITIVE_INTEGER -> Optional.of(given.map(v -> String.valueOf(Integer.parseInt(v.strip()) + 1))
                    .orElse("2"));
            case PORT -> Optional.of(given.filter(v -> v.strip().equals("2525")).map(v -> "2526").orElse("2525"));
            case BOOLEAN -> Optional.of(given.map(v -> String.valueOf(!Boolean.parseBoolean(v.strip())))
                    .orElse("true"));
            case DURATION -> Optional.of(given.map(ChangedValue::doubled).orElse("3s"));
            case HTTP_URL -> Optional.of("http://127.0.0.1:9/changed");
        };
    }

    /** Twice the default, written as ISO-8601 ({@code PT16S}), which every duration key takes too. */
    private static String doubled(String duration) {
        Duration value = PluginConfig.of("changed", Map.of("d", duration), Set.of()).duration("d");
        return value.multipliedBy(2).toString();
    }
}
