package dev.rapport.survey.link;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyProviderFactory;

import java.net.URI;
import java.util.List;

/**
 * Creates {@code link} survey providers. Keys:
 * <ul>
 *   <li>{@code base-url} (required): where the form is hosted, an http or https URL with a host and no query, e.g.
 *       {@code https://service.example.com}; links are {@code <base-url>/survey/<token>};</li>
 *   <li>{@code secret} (required, secret, at least {@value #MIN_SECRET_LENGTH} characters): the key tokens are derived
 *       with. Every node must have the same one, so that a retried invitation is the same invitation anywhere.</li>
 * </ul>
 * The SDK's keys of a survey provider ({@code timeout}, {@code max-attempts}, {@code backoff-base},
 * {@code backoff-cap}) are left to the SDK.
 */
public final class LinkSurveyProviderFactory implements SurveyProviderFactory {
    static final String BASE_URL = "base-url";
    static final String SECRET = "secret";
    static final int MIN_SECRET_LENGTH = 32;

    @Override
    public String id() {
        return "link";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.required(BASE_URL, ConfigKey.Type.HTTP_URL, "where the form is served, without a query"),
                ConfigKey.required(SECRET, ConfigKey.Type.STRING, "the key tokens are derived with, the same on "
                        + "every node").asSecret().withMinLength(MIN_SECRET_LENGTH));
    }

    /** @throws PluginConfigException when {@code base-url} has a query or a fragment */
    @Override
    public SurveyProvider create(PluginContext context) {
        var config = context.config();
        URI base = config.uri(BASE_URL);
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new PluginConfigException(context.instanceName() + ": " + BASE_URL + " must be an http or https "
                    + "URL with a host and without a query or fragment");
        }
        return new LinkSurveyProvider(base, config.string(SECRET));
    }
}
