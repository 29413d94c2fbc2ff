package dev.rapport.notifier.log;

import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.testkit.NotifierContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogNotifierContractTest extends NotifierContract {
    @Override
    protected NotifierFactory factory() {
        return new LogNotifierFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of();
    }

    @Override
    protected Map<String, String> changedValues() {
        return Map.of("level", "DEBUG", "logger", "dev.rapport.notifications.ops");
    }

    /** Configuration names the plugin by this id ({@code rapport.notifiers.<name>.type=log}): it never changes. */
    @Test
    void isConfiguredAsLog() {
        assertThat(factory().id()).isEqualTo("log");
    }
}
