package dev.rapport.testkit;

import dev.rapport.api.spi.survey.SurveyInvitation;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyProviderFactory;
import dev.rapport.api.spi.survey.SurveyRequest;
import dev.rapport.api.ticket.TicketId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of every {@link SurveyProvider}: the checks of {@link PluginContract}, and a provider issues one
 * invitation per survey — the same request twice, on this instance or another one from the same configuration (a
 * retry on another node), gives the same token, and different surveys different tokens, also when requests come at
 * once. A token is URL-safe with at least 128 bits and says nothing of what it stands for; a link holds the token and
 * nothing that identifies the ticket or its customer; no secret shows in an invitation. The SDK, not the provider,
 * enforces single use and expiry.
 *
 * <pre>{@code
 * class LinkSurveyProviderContractTest extends SurveyProviderContract {
 *     protected SurveyProviderFactory factory() { return new LinkSurveyProviderFactory(); }
 *     protected Map<String, String> minimalConfig() {
 *         return Map.of("base-url", "https://rapport.example", "secret", "a-secret-of-at-least-32-characters");
 *     }
 * }
 * }</pre>
 */
public abstract class SurveyProviderContract extends PluginContract<SurveyProvider, SurveyProviderFactory> {
    /** Base64url, or any other URL-safe alphabet without padding. */
    private static final String URL_SAFE = "[A-Za-z0-9_~.-]+";
    /** 128 bits in the weakest URL-safe alphabet this contract accepts (64 symbols, 6 bits each). */
    private static final int MIN_TOKEN_LENGTH = 22;
    /** A random token of a few dozen characters holds a given 8-character string about once in 10^13 tokens. */
    private static final int SHORTEST_TELLING_ID = 8;
    private static final int MANY = 200;

    @Override
    protected final Class<SurveyProviderFactory> extensionPoint() {
        return SurveyProviderFactory.class;
    }

    /** Issues an invitation, as the SDK would after a ticket closed. */
    @Override
    protected void exercise(SurveyProvider provider) {
        assertThat(provider.invite(request("0196f3a8-7c1d-7e55-9b2a-4c3d2e1f0a9b"))).isNotNull();
    }

    /**
     * The request the SDK would make for the survey {@code surveyId}: a ticket closed at {@link TestPluginContext#START},
     * its survey valid for 14 days, in Chinese.
     */
    protected SurveyRequest request(String surveyId) {
        return new SurveyRequest(surveyId, TicketId.of("0196f3a8-0000-7000-8000-00000000t042"), "T2026000042",
                Locale.forLanguageTag("zh-CN"), TestPluginContext.START,
                TestPluginContext.START.plus(Duration.ofDays(14)));
    }

    /** Fails unless {@code invitation} is a sound answer to {@code request}. */
    protected final void assertInvitation(SurveyRequest request, SurveyInvitation invitation) {
        assertThat(invitation).as("the invitation").isNotNull();
        String token = invitation.token();
        assertThat(token).as("the token").matches(URL_SAFE).hasSizeGreaterThanOrEqualTo(MIN_TOKEN_LENGTH);
        assertThat(telling(request.surveyId(), request.ticketNumber()))
                .as("the token must not be derived visibly from what it names")
                .noneMatch(id -> token.toLowerCase(Locale.ROOT).contains(id.toLowerCase(Locale.ROOT)));
        invitation.link().ifPresent(link -> assertLink(request, token, link));
        assertNoSecretIn(invitation.toString());
    }

    private void assertLink(SurveyRequest request, String token, URI link) {
        assertThat(link.getScheme()).as("the link's scheme").isIn("http", "https");
        assertThat(link.isAbsolute()).as("the link is absolute").isTrue();
        assertThat(link.toString()).as("the link").contains(token);
        assertThat(telling(request.surveyId(), request.ticketId().value(), request.ticketNumber()))
                .as("what the link must not name").noneMatch(id -> link.toString().contains(id));
        assertNoSecretIn(link.toString());
    }

    /**
     * The identifiers long enough that finding one in a token means something: a short one such as the survey id "42"
     * turns up by chance in about one random token in a hundred, so its presence proves nothing.
     */
    private static List<String> telling(String... identifiers) {
        return Arrays.stream(identifiers).filter(id -> id.length() >= SHORTEST_TELLING_ID).toList();
    }

    /** The settings the SDK keeps for itself, {@link SurveyProviderFactory#SDK_KEYS}. */
    @Nested
    public class SdkSettings {
        @Test
        void theSdksDeliveryKeysAreLeftToTheSdk() {
            assertSdkSettingsLeftToTheSdk(Map.of("timeout", "7s", "max-attempts", "3", "backoff-base", "30s",
                    "backoff-cap", "1h"));
        }
    }

    /** One invitation per survey, however often and wherever it is asked for. */
    @Nested
    public class Inviting {
        @Test
        void anInvitationIsAnUnguessableUrlSafeTokenAndALinkWithNothingElseInIt() {
            try (SurveyProvider provider = createMinimal()) {
                for (String id : List.of("0196f3a8-1111-7e55-9b2a-4c3d2e1f0a9b", "42", "调查-7")) {
                    assertInvitation(request(id), provider.invite(request(id)));
                }
            }
        }

        @Test
        void theSameRequestTwiceGivesTheSameTokenAlsoOnAnotherInstance() {
            var request = request("0196f3a8-2222-7e55-9b2a-4c3d2e1f0a9b");
            try (SurveyProvider first = createMinimal(); SurveyProvider second = createMinimal()) {
                var once = first.invite(request);
                var again = first.invite(request);
                var elsewhere = second.invite(request);

                assertThat(again.token()).as("a retry").isEqualTo(once.token());
                assertThat(elsewhere.token()).as("a retry on another node").isEqualTo(once.token());
                assertThat(again.link()).isEqualTo(once.link());
                assertThat(elsewhere.link()).isEqualTo(once.link());
            }
        }

        @Test
        void differentSurveysGetDifferentTokens() {
            try (SurveyProvider provider = createMinimal()) {
                var tokens = new HashSet<String>();
                IntStream.range(0, MANY).forEach(i -> tokens.add(provider.invite(request("survey-" + i)).token()));

                assertThat(tokens).hasSize(MANY);
            }
        }

        @Test
        void concurrentRequestsGetTheTokensOfTheirOwnSurveys() throws Exception {
            try (SurveyProvider provider = createMinimal();
                 var pool = Executors.newFixedThreadPool(8, r -> new Thread(r, "rapport-testkit-survey"))) {
                var expected = IntStream.range(0, MANY).mapToObj(i -> provider.invite(request("s-" + i % 20)).token())
                        .toList();
                var calls = IntStream.range(0, MANY).<Callable<String>>mapToObj(i ->
                        () -> provider.invite(request("s-" + i % 20)).token()).toList();
                var tokens = pool.invokeAll(calls).stream().map(SurveyProviderContract::value).toList();

                assertThat(tokens).isEqualTo(expected);
            }
        }
    }

    private static String value(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("a concurrent invitation failed", e);
        }
    }
}
