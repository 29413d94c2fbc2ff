package dev.rapport.core.internal.channel;

import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.channel.ChannelFactory;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.core.internal.event.DeliveryPolicy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SDK's settings of one channel instance, beside the plugin's own: what its new tickets are, how often it is read,
 * how many requests one address may push, and how its replies are delivered.
 *
 * @param ticketType   the type of the tickets its messages open ({@code ticket-type}, default CONSULTATION)
 * @param priority     their priority ({@code priority}, default P4: neither urgent nor important until triaged)
 * @param intake       the ticket's intake channel ({@code intake}; by default from the plugin: EMAIL, WEB, CHAT)
 * @param pollInterval how often a polling channel is read ({@code poll-interval}, default 30 s)
 * @param pollTimeout  how long one read may take before it is abandoned ({@code poll-timeout}, default 60 s)
 * @param rateLimit    how many requests one client address may push per {@code rateWindow} ({@code rate-limit},
 *                     default 20; {@code rate-window}, default 1 min)
 * @param replies      how its replies are delivered ({@link DeliveryPolicy#KEYS}, defaulting to {@code rapport.events.*})
 */
public record ChannelSettings(String ticketType, Priority priority, IntakeChannel intake, Duration pollInterval,
                              Duration pollTimeout, int rateLimit, Duration rateWindow, DeliveryPolicy replies) {
    /** The SDK's keys of a channel instance. */
    public static final Set<String> KEYS = ChannelFactory.SDK_KEYS;

    private static final Map<String, IntakeChannel> INTAKE_BY_PLUGIN = Map.of(
            "email", IntakeChannel.EMAIL, "webform", IntakeChannel.WEB, "chat-webhook", IntakeChannel.CHAT);

    /** @throws PluginConfigException naming the instance and the key of a malformed value */
    public static ChannelSettings from(Optional<String> pluginId, PluginConfig config, DeliveryPolicy defaults) {
        String type = config.optionalString("ticket-type").orElse("CONSULTATION");
        Priority priority = enumValue(config, "priority", Priority.class).orElse(Priority.P4);
        IntakeChannel intake = enumValue(config, "intake", IntakeChannel.class)
                .orElse(pluginId.map(INTAKE_BY_PLUGIN::get).orElse(IntakeChannel.OTHER));
        Duration interval = positive(config, "poll-interval", Duration.ofSeconds(30));
        Duration timeout = positive(config, "poll-timeout", Duration.ofSeconds(60));
        int limit = config.integer("rate-limit", 20);
        if (limit < 1) {
            throw new PluginConfigException(config.instance() + ": rate-limit must be at least 1");
        }
        Duration window = positive(config, "rate-window", Duration.ofMinutes(1));
        return new ChannelSettings(type, priority, intake, interval, timeout, limit, window,
                DeliveryPolicy.from(config, defaults));
    }

    private static Duration positive(PluginConfig config, String key, Duration defaultValue) {
        Duration value = config.duration(key, defaultValue);
        if (value.isNegative() || value.isZero()) {
            throw new PluginConfigException(config.instance() + ": " + key + " must be positive");
        }
        return value;
    }

    private static <E extends Enum<E>> Optional<E> enumValue(PluginConfig config, String key, Class<E> type) {
        return config.optionalString(key).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PluginConfigException(config.instance() + ": " + key + " must be one of "
                        + Arrays.toString(type.getEnumConstants()) + ", not '" + v + "'");
            }
        });
    }
}
