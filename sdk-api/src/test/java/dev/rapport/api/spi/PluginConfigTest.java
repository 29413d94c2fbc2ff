package dev.rapport.api.spi;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.rapport.api.spi.ConfigKey.Type.DURATION;
import static dev.rapport.api.spi.ConfigKey.Type.HTTP_URL;
import static dev.rapport.api.spi.ConfigKey.Type.PORT;
import static dev.rapport.api.spi.ConfigKey.Type.POSITIVE_INTEGER;
import static dev.rapport.api.spi.ConfigKey.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginConfigTest {
    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.required("path", STRING, "the file notifications are written to"),
            ConfigKey.required("url", HTTP_URL, "where to POST"),
            ConfigKey.required("secret", STRING, "shared with the receiver").asSecret().withMinLength(16),
            ConfigKey.optional("request-timeout", DURATION, "8s", "one delivery in all"),
            ConfigKey.optional("port", PORT, "25", "the server's port"),
            ConfigKey.optional("batch", POSITIVE_INTEGER, "the batch size; one by one without"));

    private static PluginConfig declared(Map<String, String> values) {
        return PluginConfig.of("ops", values, new Declaring(KEYS));
    }

    @Nested
    class CheckedAgainstTheDeclaredKeys {
        @Test
        void aTypoAndTheMissingKeyItWasMeantToBeAreBothReportedWithTheNearestKeySuggested() {
            var config = declared(Map.of("pth", "/var/log/rapport", "url", "https://hooks.example.com/x",
                    "secret", "0123456789abcdef"));

            assertThat(config.problems(Set.of())).containsExactly(
                    "ops: unknown key `pth`; did you mean `path`?",
                    "ops: path is required (the file notifications are written to)");
        }

        @Test
        void everyProblemIsReportedAtOnceWithoutShowingASecret() {
            var config = declared(Map.of("url", "ftp://files.example.com", "secret", "short-secret",
                    "request-timeout", "0s", "port", "70000", "batch", "-1", "colour-of-the-bikeshed", "blue"));

            assertThat(config.problems(Set.of())).containsExactly(
                    "ops: unknown key `colour-of-the-bikeshed`; known keys: [batch, path, port, request-timeout, "
                            + "secret, url]",
                    "ops: path is required (the file notifications are written to)",
                    "ops: url must be an http or https URL with a host, not 'ftp://files.example.com'",
                    "ops: secret must be at least 16 characters",
                    "ops: request-timeout must be a positive duration such as 500ms, 30s, 5m, 2h, 1d or PT30S, not '0s'",
                    "ops: port must be a port from 1 to 65535, not '70000'",
                    "ops: batch must be a whole number of at least 1, not '-1'");
        }

        @Test
        void theSdksOwnKeysAreNotUnknown() {
            var config = declared(Map.of("path", "/x", "url", "http://h", "secret", "0123456789abcdef",
                    "timeout", "5s"));

            assertThat(config.problems(Set.of("timeout"))).isEmpty();
            assertThat(config.problems(Set.of())).containsExactly("ops: unknown key `timeout`; known keys: "
                    + "[batch, path, port, request-timeout, secret, url]");
        }

        @Test
        void declaredSecretsAreMaskedAsSecretKeysAre() {
            var config = declared(Map.of("secret", "0123456789abcdef"));

            assertThat(config.toString()).doesNotContain("0123456789abcdef").contains("secret=****");
            assertThat(new Declaring(KEYS).secretKeys()).containsExactly("secret");
        }
    }

    @Nested
    class TypedGetters {
        private final PluginConfig config = declared(Map.of("path", "/x", "url", "https://hooks.example.com/x",
                "secret", "0123456789abcdef", "port", "2525"));

        @Test
        void aSetValueIsReadAsItsType() {
            assertThat(config.uri("url")).isEqualTo(URI.create("https://hooks.example.com/x"));
            assertThat(config.integer("port")).isEqualTo(2525);
            assertThat(config.string("secret")).isEqualTo("0123456789abcdef");
        }

        @Test
        void anUnsetKeyFallsBackToItsDeclaredDefault() {
            assertThat(config.duration("request-timeout")).isEqualTo(Duration.ofSeconds(8));
        }

        @Test
        void anUnsetKeyWithoutDefaultIsRequiredByTheGetterAndOptionalByItsOptionalVariant() {
            assertThatThrownBy(() -> config.positiveInteger("batch")).isInstanceOf(PluginConfigException.class)
                    .hasMessage("ops: batch is required");
            assertThat(config.optionalInteger("batch")).isEmpty();
        }

        @Test
        void readingAKeyTheFactoryDidNotDeclareIsAProgrammingError() {
            assertThatThrownBy(() -> config.optionalString("pth")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pth");
        }

        @Test
        void undeclaredSettingsHaveTheSameGettersWithoutDefaults() {
            var legacy = PluginConfig.of("ops", Map.of("n", "0", "wait", "-PT1S", "name", "abc", "u", "not a uri"),
                    Set.of());

            assertThatThrownBy(() -> legacy.positiveInteger("n")).hasMessage("ops: n must be a whole number of at "
                    + "least 1, not '0'");
            assertThatThrownBy(() -> legacy.duration("wait")).hasMessageStartingWith("ops: wait must be a positive");
            assertThatThrownBy(() -> legacy.string("name", 4)).hasMessage("ops: name must be at least 4 characters");
            assertThatThrownBy(() -> legacy.uri("u")).hasMessage("ops: u must be a URI");
        }
    }

    @Nested
    class UndeclaredKeys {
        @Test
        void aKeyNeverReadIsUnknownAndATypoOfOneReadIsSuggested() {
            var config = PluginConfig.of("ops", Map.of("tiemout", "2s", "level", "INFO"), Set.of());
            config.optionalDuration("timeout");

            assertThat(config.unreadProblems(Set.of())).containsExactly(
                    "ops: unknown key `level`; known keys: [timeout]",
                    "ops: unknown key `tiemout`; did you mean `timeout`?");
            assertThat(config.problems(Set.of())).as("nothing is checked before creation").isEmpty();
        }
    }

    @Nested
    class Declarations {
        @Test
        void aDefaultMustBeOfItsKeysType() {
            assertThatThrownBy(() -> ConfigKey.optional("port", PORT, "smtp", "the port"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("port: the default must be a port "
                            + "from 1 to 65535");
        }

        @Test
        void aRequiredKeyHasNoDefaultAndEveryNameIsKebabCase() {
            assertThatThrownBy(() -> new ConfigKey("url", HTTP_URL, true, java.util.Optional.of("http://h"), false,
                    0, "where")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ConfigKey.required("requestTimeout", DURATION, "how long"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aKeyDeclaredTwiceIsRefused() {
            var twice = new Declaring(List.of(ConfigKey.required("url", HTTP_URL, "a"),
                    ConfigKey.required("url", STRING, "b")));

            assertThatThrownBy(() -> PluginConfig.of("ops", Map.of(), twice))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
        }
    }

    @Nested
    class NearestKeys {
        @Test
        void aTypoIsWithinAFewEditsAndAnUnrelatedKeyIsNot() {
            assertThat(NearestKey.to("pth", Set.of("path", "port"))).hasValue("path");
            assertThat(NearestKey.to("conect-timeout", Set.of("connect-timeout", "request-timeout")))
                    .hasValue("connect-timeout");
            assertThat(NearestKey.to("colour", Set.of("path", "url"))).isEmpty();
            assertThat(NearestKey.to("pst", Set.of("path", "post", "past"))).as("the nearest; of equals, by name")
                    .hasValue("past");
        }
    }

    private record Declaring(List<ConfigKey> keys) implements PluginFactory<AutoCloseable> {
        @Override
        public String id() {
            return "declaring";
        }

        @Override
        public AutoCloseable create(PluginContext context) {
            return () -> {
            };
        }
    }
}
