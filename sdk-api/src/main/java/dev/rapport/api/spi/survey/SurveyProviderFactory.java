package dev.rapport.api.spi.survey;

import dev.rapport.api.spi.PluginFactory;

/**
 * Creates configured {@link SurveyProvider}s; found with {@link java.util.ServiceLoader} and configured by
 * {@code rapport.surveys.<name>.type=<id>} with the provider's own keys beside it.
 */
public interface SurveyProviderFactory extends PluginFactory<SurveyProvider> {
}
