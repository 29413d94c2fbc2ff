package dev.rapport.survey.link;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyProviderFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
    public Set<String> secretKeys() {
        return Set.of(SECRET);
    }

    /** @throws PluginConfigException naming each of {@code base-url} and {@code secret} that is missing or unfit */
    @Override
    public SurveyProvider create(PluginContext context) {
        var config = context.config();
        String instance = context.instanceName();
        var problems = new ArrayList<String>();
        Optional<URI> base = Optional.empty();
        try {
            base = config.optionalUri(BASE_URL);
            if (base.isEmpty()) {
                problems.add(instance + ": " + BASE_URL + " is required");
            } else if (!fit(base.get())) {
                problems.add(instance + ": " + BASE_URL + " must be an http or https URL with a host and without a "
                        + "query or fragment");
            }
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
        }
        Optional<String> secret = config.optionalString(SECRET);
        if (secret.isEmpty() || secret.get().isBlank()) {
            problems.add(instance + ": " + SECRET + " is required");
        } else if (secret.get().strip().length() < MIN_SECRET_LENGTH) {
            problems.add(instance + ": " + SECRET + " must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigException(problems);
        }
        return new LinkSurveyProvider(base.orElseThrow(), secret.orElseThrow().strip());
    }

    private static boolean fit(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && url.getRawQuery() == null
                && url.getRawFragment() == null;
    }
}
