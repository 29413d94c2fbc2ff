package dev.rapport.testkit;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every plugin promises, whatever its extension point: it is found by {@link ServiceLoader} under a kebab-case
 * id, is created from a minimal configuration, refuses unknown and missing keys by name, keeps its secrets out of
 * {@code toString()}, errors and logs, and closes idempotently without leaving a thread behind.
 *
 * <p>Extend the contract of your extension point (e.g. {@link NotifierContract}), not this class.
 *
 * @param <T> what the factory creates
 * @param <F> the factory's extension point, e.g. {@code NotifierFactory}
 */
public abstract class PluginContract<T extends AutoCloseable, F extends PluginFactory<T>> {
    private static final String KEBAB_CASE = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    private static final Duration THREADS_END_WITHIN = Duration.ofSeconds(5);

    /** The extension point's factory interface, e.g. {@code NotifierFactory.class}. */
    protected abstract Class<F> extensionPoint();

    /** A new instance of the factory under test. */
    protected abstract F factory();

    /**
     * The fewest settings that make a working instance, pointing at the test's peer. Called anew by every check,
     * after the test's {@code @BeforeEach} methods ran.
     */
    protected abstract Map<String, String> minimalConfig();

    /**
     * The keys without which creation must fail: by default the factory's declared required keys, or every key of
     * {@link #minimalConfig()} when it declares none.
     */
    protected Set<String> requiredKeys() {
        var declared = factory().keys();
        if (declared.isEmpty()) {
            return minimalConfig().keySet();
        }
        return declared.stream().filter(ConfigKey::required).map(ConfigKey::name).collect(Collectors.toSet());
    }

    /**
     * Values other than the default for the factory's optional {@link ConfigKey.Type#STRING} keys (and for any
     * other optional key whose generated value would not do, e.g. one that must go with another): the contract
     * creates an instance with every optional key changed. Values for the other types are made up: twice the
     * default duration, the default number plus one, the other boolean, a port and a URL. Empty by default.
     */
    protected Map<String, String> changedValues() {
        return Map.of();
    }

    /**
     * Settings to add to {@link #minimalConfig()} that give every one of the factory's
     * {@link PluginFactory#secretKeys() secret keys} a value (plus whatever they need, e.g. a user name for a
     * password). The contract looks for those values in {@code toString()}, errors and logs. Empty by default.
     */
    protected Map<String, String> withSecrets() {
        return Map.of();
    }

    /** Uses a fresh instance as a host would, e.g. delivers one notification; called before it is closed. */
    protected void exercise(T instance) {
    }

    /**
     * Whether {@code thread} belongs to the test's own peers (e.g. a mail server in the test), which the check for
     * threads left behind ignores. The test kit's own threads are always ignored.
     */
    protected boolean isPeerThread(Thread thread) {
        return false;
    }

    /** A context with {@code settings} for the factory under test. */
    protected TestPluginContext context(Map<String, String> settings) {
        return TestPluginContext.of(factory(), settings);
    }

    /** An instance created from {@link #minimalConfig()} as the SDK creates it. */
    protected T createMinimal() {
        return context(minimalConfig()).create(factory());
    }

    /** The values of the factory's secret keys in {@link #withSecrets()}. */
    protected final List<String> secretValues() {
        var settings = withSecrets();
        return factory().secretKeys().stream().map(settings::get).filter(v -> v != null && !v.isBlank()).toList();
    }

    /** Fails when {@code text} contains a secret value. */
    protected final void assertNoSecretIn(String text) {
        for (String secret : secretValues()) {
            assertThat(text).as("a secret value leaked").doesNotContain(secret);
        }
    }

    /**
     * Fails unless an instance created from {@link #minimalConfig()} plus {@code sdkSettings} (sample values of the
     * keys the SDK reads for every instance of the extension point) reads none of them: the SDK hands the plugin its
     * instance's whole configuration, and a plugin that took one of those keys for a setting of its own would change
     * meaning with the SDK's setting.
     */
    protected final void assertSdkSettingsLeftToTheSdk(Map<String, String> sdkSettings) {
        var settings = new HashMap<>(minimalConfig());
        settings.putAll(sdkSettings);
        var context = context(settings);

        close(factory().create(context));

        assertThat(context.config().readKeys()).as("keys the plugin read")
                .doesNotContainAnyElementsOf(sdkSettings.keySet());
    }

    private void close(T instance) {
        try {
            instance.close();
        } catch (Exception e) {
            throw new AssertionError("close() threw", e);
        }
    }

    /**
     * Never runs under JUnit 5, which ignores JUnit 4's {@code @Test}. A Surefire older than 2.22 (the default of
     * Maven 3 when a project pins none) cannot run JUnit 5 and would report "Tests run: 0, BUILD SUCCESS" for a
     * contract that checked nothing; finding JUnit 4 on the class path, it runs this instead, and the build fails.
     */
    @org.junit.Test
    public void theContractsChecksDidNotRun() {
        throw new AssertionError(WITHOUT_JUNIT_5);
    }

    static final String WITHOUT_JUNIT_5 = "The test kit's contract checks are JUnit 5 tests, and this build ran them "
            + "with JUnit 4: pin maven-surefire-plugin 3.x in the plugin's pom.xml (docs/plugin-guide.md, \"The "
            + "project\") and run the build again.";

    /** Found and named as configuration refers to it. */
    @Nested
    public class Discovery {
        @Test
        void theFactoryIsFoundByServiceLoader() {
            var found = ServiceLoader.load(extensionPoint()).stream().map(ServiceLoader.Provider::type).toList();

            assertThat(found).as("META-INF/services/" + extensionPoint().getName())
                    .contains(factory().getClass().asSubclass(extensionPoint()));
        }

        @Test
        void theIdIsPermanentAndKebabCase() {
            assertThat(factory().id()).matches(KEBAB_CASE).isEqualTo(factory().id());
        }
    }

    /** Created from flat keys, refusing what it does not know and what it lacks. */
    @Nested
    public class Configuration {
        @Test
        void aMinimalConfigurationMakesAnInstance() {
            T instance = createMinimal();
            try {
                assertThat(instance).isNotNull();
            } finally {
                close(instance);
            }
        }

        @Test
        void anUnknownKeyIsRefusedByName() {
            var settings = new HashMap<>(minimalConfig());
            settings.put("colour-of-the-bikeshed", "blue");

            assertThatThrownBy(() -> context(settings).create(factory()))
                    .isInstanceOf(PluginConfigException.class).hasMessageContaining("colour-of-the-bikeshed");
        }

        @Test
        void eachMissingRequiredKeyIsRefusedByName() {
            for (String key : requiredKeys()) {
                var settings = new HashMap<>(minimalConfig());
                settings.remove(key);

                assertThatThrownBy(() -> context(settings).create(factory())).as("without " + key)
                        .isInstanceOf(PluginConfigException.class).hasMessageContaining(key);
            }
        }
    }

    /** Every optional key the factory declares, at its default and changed, makes an instance that reads it. */
    @Nested
    public class OptionalKeys {
        @Test
        void everyOptionalKeyAtItsDefaultMakesAnInstance() {
            var optional = optionalKeys();
            var settings = new HashMap<>(minimalConfig());
            optional.stream().filter(k -> k.defaultValue().isPresent() && !settings.containsKey(k.name()))
                    .forEach(k -> settings.put(k.name(), k.defaultValue().orElseThrow()));

            assertCreatesAndReadsEach(settings, optional);
        }

        @Test
        void everyOptionalKeyChangedMakesAnInstance() {
            var optional = optionalKeys();
            var settings = new HashMap<>(minimalConfig());
            var changed = changedValues();
            for (ConfigKey key : optional) {
                if (changed.containsKey(key.name())) {
                    settings.put(key.name(), changed.get(key.name()));
                } else if (!settings.containsKey(key.name())) {
                    settings.put(key.name(), ChangedValue.of(key).orElseThrow(() -> new AssertionError(
                            "changedValues() gives no value for the optional key " + key.name() + " ("
                                    + key.type() + "), and the contract cannot make one up")));
                }
                assertThat(settings.get(key.name())).as("the changed value of " + key.name())
                        .isNotEqualTo(key.defaultValue().orElse(null));
            }
            changed.keySet().stream().filter(k -> !settings.containsKey(k)).forEach(k ->
                    settings.put(k, changed.get(k)));

            assertCreatesAndReadsEach(settings, optional);
        }

        private List<ConfigKey> optionalKeys() {
            var optional = factory().keys().stream().filter(k -> !k.required()).toList();
            Assumptions.assumeFalse(optional.isEmpty(), "the factory declares no optional key");
            return optional;
        }

        private void assertCreatesAndReadsEach(Map<String, String> settings, List<ConfigKey> keys) {
            var context = context(settings);
            close(context.create(factory()));

            assertThat(context.config().readKeys()).as("the optional keys create() read")
                    .containsAll(keys.stream().map(ConfigKey::name).toList());
        }
    }

    /** Secret values never show. */
    @Nested
    public class Secrets {
        @Test
        void everySecretKeyHasASampleValue() {
            assertThat(secretValues()).as("withSecrets() gives each of %s a value", factory().secretKeys())
                    .hasSameSizeAs(factory().secretKeys());
        }

        @Test
        void noSecretValueInToStringErrorsOrLogs() {
            var settings = new HashMap<>(minimalConfig());
            settings.putAll(withSecrets());
            var texts = new ArrayList<String>();
            try (var log = LogCapture.start()) {
                var context = context(settings);
                T instance = context.create(factory());
                try {
                    exercise(instance);
                    texts.add(instance.toString());
                    texts.add(context.config().toString());
                    texts.add(context.toString());
                } finally {
                    close(instance);
                }
                settings.put("colour-of-the-bikeshed", "blue");
                try {
                    close(context(settings).create(factory()));
                } catch (PluginConfigException expected) {
                    texts.add(expected.toString());
                }
                texts.addAll(log.lines());
            }

            assertThat(texts).isNotEmpty();
            texts.forEach(PluginContract.this::assertNoSecretIn);
        }
    }

    /** Closed once or twice, nothing is left running. */
    @Nested
    public class Lifecycle {
        @Test
        void closeIsIdempotentAndLeavesNoThreadBehind() {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            T instance = createMinimal();
            try {
                exercise(instance);
            } finally {
                close(instance);
                close(instance);
            }

            Eventually.within(THREADS_END_WITHIN).waitUntilAsserted("the plugin's threads ended", () ->
                    assertThat(leftBehind(before)).as("threads still running %s after close()", THREADS_END_WITHIN)
                            .isEmpty());
        }

        private List<Thread> leftBehind(Set<Thread> before) {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> !t.getName().startsWith("rapport-testkit-") && !isPeerThread(t))
                    .toList();
        }
    }
}
