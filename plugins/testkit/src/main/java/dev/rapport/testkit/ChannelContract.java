package dev.rapport.testkit;

import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.ChannelFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Channel} promises beside the checks of {@link PluginContract}: it leaves the SDK's keys of a
 * channel instance to the SDK. Extend {@link PollingChannelContract} or {@link PushChannelContract}, not this class.
 */
public abstract sealed class ChannelContract extends PluginContract<Channel, ChannelFactory>
        permits PollingChannelContract, PushChannelContract {
    /** A value for each of {@link ChannelFactory#SDK_KEYS}, as an operator might set it. */
    private static final Map<String, String> SDK_SETTINGS = Map.ofEntries(entry("ticket-type", "COMPLAINT"),
            entry("priority", "P2"), entry("intake", "EMAIL"), entry("poll-interval", "45s"),
            entry("poll-timeout", "20s"), entry("rate-limit", "5"), entry("rate-window", "1m"), entry("timeout", "7s"),
            entry("max-attempts", "3"), entry("backoff-base", "30s"), entry("backoff-cap", "1h"));

    ChannelContract() {
    }

    @Override
    protected final Class<ChannelFactory> extensionPoint() {
        return ChannelFactory.class;
    }

    /** The settings the SDK keeps for itself, {@link ChannelFactory#SDK_KEYS}. */
    @Nested
    public class SdkSettings {
        @Test
        void theSdksChannelKeysAreLeftToTheSdk() {
            assertThat(SDK_SETTINGS.keySet()).as("sample values for ChannelFactory.SDK_KEYS")
                    .isEqualTo(ChannelFactory.SDK_KEYS);
            assertSdkSettingsLeftToTheSdk(SDK_SETTINGS);
        }
    }
}
