package dev.rapport.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Optional;

/**
 * Logback's configuration before {@link ServerLogging#install} runs, and wherever the server is embedded without it
 * (the tests): the server's plain format, or JSON when {@code RAPPORT_LOG_FORMAT=json}. Logback's own defaults would
 * print every library's DEBUG lines. An operator's {@code logback.xml} (or {@code -Dlogback.configurationFile}) is
 * left to Logback's own configurator.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class ServerLogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ServerLogConfigurator.class.getClassLoader().getResource("logback.xml") != null
                || ServerLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var format = Optional.ofNullable(System.getenv("RAPPORT_LOG_FORMAT")).filter(f -> !f.isBlank())
                .flatMap(ServerLogConfigurator::format).orElse(LogFormat.PLAIN);
        ServerLogging.configure(context, format);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** An unknown format is reported by the options at start; here the plain one stands in meanwhile. */
    private static Optional<LogFormat> format(String text) {
        try {
            return Optional.of(LogFormat.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
