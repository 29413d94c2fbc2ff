package dev.rapport.testkit;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.PluginFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPluginContextTest {
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PluginFactory<AutoCloseable> factory = new PluginFactory<>() {
        @Override
        public String id() {
            return "probe";
        }

        @Override
        public Set<String> secretKeys() {
            return Set.of("password");
        }

        @Override
        public AutoCloseable create(PluginContext context) {
            context.config().string("host");
            context.config().optionalString("password");
            return () -> closed.set(true);
        }
    };

    @Test
    void keysTheFactoryNeverReadAreRefusedAsTheSdkDoesAndTheInstanceIsClosed() {
        var context = TestPluginContext.of(factory, Map.of("host", "mail", "colour", "blue")).named("ops");

        assertThatThrownBy(() -> context.create(factory)).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("ops").hasMessageContaining("colour").hasMessageContaining("host");
        assertThat(closed).isTrue();
    }

    @Test
    void knownKeysMakeAnInstance() throws Exception {
        try (var instance = TestPluginContext.of(factory, Map.of("host", "mail")).create(factory)) {
            assertThat(instance).isNotNull();
        }
        assertThat(closed).isTrue();
    }

    @Test
    void secretValuesAreMaskedInToString() {
        var context = TestPluginContext.of(factory, Map.of("host", "mail", "password", "hunter2-hunter2"));

        assertThat(context.toString()).contains("mail").doesNotContain("hunter2");
    }

    @Test
    void theClockStartsAtStartAndMovesOnlyWhenTold() {
        var context = TestPluginContext.of(factory, Map.of());

        assertThat(context.clock().instant()).isEqualTo(TestPluginContext.START);
        context.clock().advance(Duration.ofMinutes(5));
        assertThat(context.clock().instant()).isEqualTo(TestPluginContext.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void hostObjectsAreFoundByTheirType() {
        var context = TestPluginContext.of(factory, Map.of()).withHostObject(CharSequence.class, "a host's object");

        assertThat(context.hostObject(CharSequence.class)).contains("a host's object");
        assertThat(context.hostObject(Runnable.class)).isEmpty();
        assertThat(context.withClock(MutableClock.at("2030-01-01T00:00:00Z")).hostObject(CharSequence.class)).isPresent();
    }
}
