package dev.rapport.api.spi.survey;

import dev.rapport.api.spi.PluginFactory;

import java.util.Set;

/**
 * Creates configured {@link SurveyProvider}s; found with {@link java.util.ServiceLoader} and configured by
 * {@code rapport.surveys.<name>.type=<id>} with the provider's own keys beside it.
 */
public interface SurveyProviderFactory extends PluginFactory<SurveyProvider> {
    /**
     * The keys the SDK reads for every survey provider instance, beside the plugin's own: the time box of each
     * {@link SurveyProvider#invite} call ({@code timeout}), then attempts and back-off, as a notifier's
     * ({@link dev.rapport.api.spi.notify.NotifierFactory#SDK_KEYS}). A provider must not give them a meaning of its
     * own.
     */
    Set<String> SDK_KEYS = Set.of("timeout", "max-attempts", "backoff-base", "backoff-cap");
}
