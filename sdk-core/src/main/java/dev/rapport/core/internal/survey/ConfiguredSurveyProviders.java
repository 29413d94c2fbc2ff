package dev.rapport.core.internal.survey;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyProviderFactory;
import dev.rapport.core.internal.event.DeliveryPolicy;
import dev.rapport.core.internal.event.EventDelivery.SurveyProviderInstance;
import dev.rapport.core.internal.plugin.ConfiguredInstances;
import dev.rapport.core.internal.plugin.Plugins;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The survey provider instances the host configured, {@code rapport.surveys.<name>.type=<factory id>} with the
 * plugin's own keys beside the SDK's {@link SurveyProviderFactory#SDK_KEYS} (how its calls are time-boxed and retried,
 * defaulting to {@code rapport.events.*}), and those the host built in code.
 */
public final class ConfiguredSurveyProviders {
    private ConfiguredSurveyProviders() {
    }

    /**
     * Creates every configured instance, in name order.
     *
     * @param config every configuration key of the SDK; the provider instances' among those under
     *               {@link SurveySettings#PREFIX} are read
     * @throws PluginConfigException naming every problem of every instance (nothing stays open then)
     */
    public static List<SurveyProviderInstance> create(Map<String, String> config, Map<String, SurveyProvider> inCode,
                                                      DeliveryPolicy defaults, boolean discover,
                                                      List<? extends PluginFactory<?>> factories, ClassLoader loader,
                                                      Plugins plugins) {
        var instanceKeys = new TreeMap<String, String>();
        config.forEach((key, value) -> {
            if (!SurveySettings.isSetting(key)) {
                instanceKeys.put(key, value);
            }
        });
        var instances = new ConfiguredInstances<SurveyProvider, DeliveryPolicy>(SurveySettings.PREFIX,
                SurveyProviderFactory.class, SurveyProviderFactory.SDK_KEYS,
                (type, settings) -> DeliveryPolicy.from(settings, defaults), Map.of());
        return instances.create(instanceKeys, inCode, discover, factories, loader, plugins).stream()
                .map(i -> new SurveyProviderInstance(i.name(), i.instance(), i.settings(), i.secrets()))
                .toList();
    }

    /**
     * The instance that issues new surveys: the one named by {@code rapport.surveys.provider}, else the only one;
     * empty when none is configured (then no surveys are created).
     *
     * @throws PluginConfigException when the named one does not exist, or several exist and none is named
     */
    public static Optional<String> issuer(SurveySettings settings, List<String> names) {
        if (settings.provider().isPresent()) {
            String named = settings.provider().get();
            if (!names.contains(named)) {
                throw new PluginConfigException(SurveySettings.PREFIX + "provider names " + named
                        + ", which is not a configured survey provider; configured: " + names);
            }
            return settings.provider();
        }
        if (names.size() > 1) {
            throw new PluginConfigException(SurveySettings.PREFIX + "provider is required when several survey "
                    + "providers are configured: one of " + names);
        }
        return names.stream().findFirst();
    }
}
