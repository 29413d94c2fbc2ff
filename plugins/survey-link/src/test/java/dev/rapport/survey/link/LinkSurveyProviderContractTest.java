package dev.rapport.survey.link;

import dev.rapport.api.spi.survey.SurveyProviderFactory;
import dev.rapport.testkit.SurveyProviderContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LinkSurveyProviderContractTest extends SurveyProviderContract {
    private static final String SECRET = "link-contract-secret-7f3a9c2e5b1d8046";

    @Override
    protected SurveyProviderFactory factory() {
        return new LinkSurveyProviderFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of("base-url", "https://service.rapport.example", "secret", SECRET);
    }

    @Override
    protected Map<String, String> withSecrets() {
        return Map.of("secret", SECRET);
    }

    /** Configuration names the plugin by this id ({@code rapport.surveys.<name>.type=link}): it never changes. */
    @Test
    void isConfiguredAsLink() {
        assertThat(factory().id()).isEqualTo("link");
    }
}
