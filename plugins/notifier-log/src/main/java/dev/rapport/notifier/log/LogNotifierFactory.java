package dev.rapport.notifier.log;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Creates the {@code log} notifier: one line per notification through {@link System.Logger}, naming the event type,
 * its subject, the attempt and the recipients' user ids, never names or addresses. Always delivers.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code level} (default {@code INFO}): {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARNING} or
 *   {@code ERROR};</li>
 *   <li>{@code logger} (default {@code dev.rapport.notifications}): the logger's name.</li>
 * </ul>
 */
public final class LogNotifierFactory implements NotifierFactory {
    /** The id configuration refers to. */
    public static final String ID = "log";
    static final String LEVEL = "level";
    static final String LOGGER = "logger";
    static final String DEFAULT_LOGGER = "dev.rapport.notifications";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.optional(LEVEL, ConfigKey.Type.STRING, "INFO", "TRACE, DEBUG, INFO, WARNING or ERROR"),
                ConfigKey.optional(LOGGER, ConfigKey.Type.STRING, DEFAULT_LOGGER, "the logger's name"));
    }

    /** @throws PluginConfigException when the level is not one of the logger's levels */
    @Override
    public Notifier create(PluginContext context) {
        var config = context.config();
        String levelName = config.string(LEVEL).toUpperCase(Locale.ROOT);
        System.Logger.Level level = Arrays.stream(System.Logger.Level.values())
                .filter(l -> l != System.Logger.Level.ALL && l != System.Logger.Level.OFF)
                .filter(l -> l.name().equals(levelName))
                .findFirst()
                .orElseThrow(() -> new PluginConfigException(context.instanceName() + ": " + LEVEL
                        + " must be TRACE, DEBUG, INFO, WARNING or ERROR, not '" + levelName + "'"));
        String logger = config.string(LOGGER);
        return new LogNotifier(System.getLogger(logger), level);
    }
}
