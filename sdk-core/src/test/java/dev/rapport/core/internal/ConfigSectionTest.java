package dev.rapport.core.internal;

import dev.rapport.api.spi.PluginConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigSectionTest {
    private static final String PREFIX = "rapport.status-links.";

    @Test
    void readsTheKeysUnderItsPrefixWithTheirDefaults() {
        var section = ConfigSection.of(PREFIX, Map.of(PREFIX + "validity", "3d", PREFIX + "base-url", "  ",
                "rapport.surveys.validity", "1d"), key -> key.startsWith(PREFIX));

        assertThat(section.positiveDuration("validity", Duration.ofDays(14))).isEqualTo(Duration.ofDays(3));
        assertThat(section.integerAtLeast("rate-limit", 1, 20)).isEqualTo(20);
        assertThat(section.optionalText("base-url")).as("blank").isEqualTo(Optional.empty());
        section.finish("");
    }

    @Test
    void namesEveryMalformedOutOfRangeAndUnknownKeyAtOnce() {
        var section = ConfigSection.of(PREFIX, Map.of(PREFIX + "validity", "0s", PREFIX + "rate-limit", "many",
                PREFIX + "rate-window", "PT-1M", PREFIX + "valdity", "3d"), key -> key.startsWith(PREFIX));

        assertThat(section.positiveDuration("validity", Duration.ofDays(14))).isZero();
        assertThat(section.integerAtLeast("rate-limit", 1, 20)).as("the fallback").isEqualTo(20);
        section.positiveDuration("rate-window", Duration.ofMinutes(1));
        section.problem("base-url must be an http or https URL");

        assertThatThrownBy(() -> section.finish(", and more elsewhere"))
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems()).hasSize(5)
                        .contains("rapport.status-links: validity must be more than zero",
                                "rapport.status-links: rate-window must be more than zero",
                                "rapport.status-links: base-url must be an http or https URL")
                        .anySatisfy(p -> assertThat(p).contains("rate-limit"))
                        .anySatisfy(p -> assertThat(p).startsWith("rapport.status-links: unknown key(s) [valdity]")
                                .endsWith(", and more elsewhere")));
    }
}
