package dev.rapport.server;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The server answers survey links itself: the SDK settings it adds for them. */
class SurveyLinkSettingsTest {
    @Test
    void theDefaultLinkProviderIsAddedUnlessOneIsConfiguredAndLinkInstancesGetWhatTheyLeaveOut() {
        var asked = new AtomicInteger();
        Supplier<String> secret = () -> "generated-" + asked.incrementAndGet();

        var none = RapportServer.withSurveyLinks(Map.of(), "https://service.example.com", secret);
        var own = RapportServer.withSurveyLinks(Map.of("rapport.surveys.panel.type", "panel",
                "rapport.surveys.panel.url", "https://panel.example"), "https://service.example.com", secret);
        var twoLinks = RapportServer.withSurveyLinks(Map.of("rapport.surveys.a.type", "link",
                "rapport.surveys.b.type", "link", "rapport.surveys.b.secret", "b-secret"), "http://localhost:1", secret);

        assertThat(none).containsEntry("rapport.surveys.link.type", "link")
                .containsEntry("rapport.surveys.link.base-url", "https://service.example.com")
                .containsEntry("rapport.surveys.link.secret", "generated-1");
        assertThat(own).doesNotContainKey("rapport.surveys.link.type").hasSize(2);
        assertThat(twoLinks).containsEntry("rapport.surveys.a.secret", "generated-2")
                .containsEntry("rapport.surveys.b.secret", "b-secret")
                .containsEntry("rapport.surveys.b.base-url", "http://localhost:1");
        assertThat(asked).hasValue(2);
    }

    @Test
    void statusLinksPointAtThePublicUrlUnlessTheSettingsGiveABase() {
        assertThat(RapportServer.withStatusLinks(Map.of(), "https://service.example.com"))
                .containsEntry("rapport.status-links.base-url", "https://service.example.com");
        assertThat(RapportServer.withStatusLinks(Map.of("rapport.status-links.base-url", "https://help.example.com"),
                "https://service.example.com")).containsEntry("rapport.status-links.base-url", "https://help.example.com");
    }
}
