package dev.rapport.api.spi;

import java.time.Clock;
import java.util.Optional;

/** What a plugin instance gets from the SDK when it is created. */
public interface PluginContext {
    /** The instance's name in the configuration, e.g. {@code ops} in {@code rapport.notifiers.ops.type}. */
    String instanceName();

    /** The instance's settings. */
    PluginConfig config();

    /** The SDK's clock: plugins read time only from it. */
    Clock clock();

    /**
     * An object the host handed to the SDK's builder, such as a {@code javax.sql.DataSource}.
     *
     * @return empty when the host gave none of that type
     */
    <T> Optional<T> hostObject(Class<T> type);
}
