package dev.rapport.survey.link;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyRequest;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkSurveyProviderTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final SurveyRequest REQUEST = new SurveyRequest("0196f3a8-7c1d-7e55-9b2a-4c3d2e1f0a9b",
            TicketId.of("t-1"), "T2026000042", Locale.ENGLISH, TestPluginContext.START,
            TestPluginContext.START.plus(Duration.ofDays(14)));

    private final LinkSurveyProviderFactory factory = new LinkSurveyProviderFactory();

    @Test
    void theTokenIsTheHmacSha256OfTheSurveyIdInBase64UrlAndTheLinkPointsAtTheServersForm() throws Exception {
        try (SurveyProvider provider = create(Map.of("base-url", "https://service.example/rapport/", "secret", SECRET))) {
            var invitation = provider.invite(REQUEST);

            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("rapport-survey-link:" + REQUEST.surveyId()).getBytes(StandardCharsets.UTF_8)));
            assertThat(invitation.token()).isEqualTo(expected).hasSize(43);
            assertThat(invitation.link()).contains(URI.create("https://service.example/rapport/survey/" + expected));
        }
    }

    @Test
    void anotherSecretGivesOtherTokens() {
        try (SurveyProvider one = create(Map.of("base-url", "http://localhost:8080", "secret", SECRET));
             SurveyProvider other = create(Map.of("base-url", "http://localhost:8080", "secret", SECRET + "!"))) {
            assertThat(one.invite(REQUEST).token()).isNotEqualTo(other.invite(REQUEST).token());
        }
    }

    @Test
    void everyUnfitSettingIsNamedAtOnce() {
        assertThatThrownBy(() -> create(Map.of("base-url", "ftp://files.example", "secret", "short")))
                .isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("base-url must be an http or https URL")
                .hasMessageContaining("secret must be at least 32 characters")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> create(Map.of("base-url", "https://service.example?x=1", "secret", SECRET)))
                .isInstanceOf(PluginConfigException.class).hasMessageContaining("base-url");
        assertThatThrownBy(() -> create(Map.of())).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("base-url is required").hasMessageContaining("secret is required");
    }

    @Test
    void toStringShowsTheBaseUrlOnly() {
        try (SurveyProvider provider = create(Map.of("base-url", "https://service.example", "secret", SECRET))) {
            assertThat(provider.toString()).contains("https://service.example").doesNotContain(SECRET);
        }
    }

    private SurveyProvider create(Map<String, String> settings) {
        return TestPluginContext.of(factory, new HashMap<>(settings)).create(factory);
    }
}
