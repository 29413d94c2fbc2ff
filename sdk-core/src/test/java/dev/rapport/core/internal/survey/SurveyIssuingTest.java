package dev.rapport.core.internal.survey;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.event.DeadLetter;
import dev.rapport.api.event.SurveyInvited;
import dev.rapport.api.event.SurveyRequested;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.FakeMailbox;
import dev.rapport.core.testing.FakeSurveyProvider;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.rapport.core.internal.survey.SurveyFlow.closedTicket;
import static dev.rapport.core.internal.survey.SurveyFlow.invited;
import static dev.rapport.core.internal.survey.SurveyFlow.surveyOf;
import static dev.rapport.core.testing.FakeMailbox.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SPEC §6, §8: closing a ticket creates its survey in the same transaction, and the configured survey provider issues
 * the invitation from the outbox, like a notifier: time-boxed, retried, dead-lettered, never in the closing's way.
 */
class SurveyIssuingTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();

    private Rapport start(TestDatabase db, FakeSurveyProvider provider) {
        return rapports.start(rapports.builder(db).surveyProvider("link", provider).listener(heard)
                .config("rapport.events.poll-interval", "50ms"));
    }

    @StorageTest
    void closingATicketCreatesOneSurveyWhoseInvitationTheProviderIssuesFromTheOutbox(TestDatabase db)
            throws Exception {
        var provider = FakeSurveyProvider.issuing();
        var rapport = start(db, provider);

        var ticket = closedTicket(rapport);
        var created = surveyOf(rapport, ticket.id());
        var survey = invited(rapport, ticket.id());
        rapport.tickets().close(Actor.system(), ticket.id());

        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(created.provider()).isEqualTo("link");
        assertThat(created.createdAt()).isEqualTo(ticket.closedAt().orElseThrow());
        assertThat(created.expiresAt()).isEqualTo(ticket.closedAt().orElseThrow().plus(Duration.ofDays(14)));
        assertThat(created.customerId()).isEqualTo(ticket.customerId());
        assertThat(created.ticketNumber()).isEqualTo(ticket.number());
        assertThat(provider.requests()).singleElement().satisfies(request -> {
            assertThat(request.surveyId()).isEqualTo(created.id().value());
            assertThat(request.ticketNumber()).isEqualTo(ticket.number());
            assertThat(request.expiresAt()).isEqualTo(created.expiresAt());
            assertThat(request.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
        });
        assertThat(survey.link()).isEqualTo(FakeSurveyProvider.link(provider.requests().getFirst()).link());
        assertThat(survey.invitedAt()).isPresent();
        assertThat(survey.channel()).as("a ticket taken by phone: agents pass the link on").isEmpty();
        assertThat(rapport.surveys().ofTicket(Actor.system(), ticket.id())).as("closing again").hasSize(1);
        assertThat(heard.await(SurveyRequested.class, 1)).singleElement()
                .satisfies(e -> assertThat(e.surveyId()).isEqualTo(created.id()));
        assertThat(heard.await(SurveyInvited.class, 1)).singleElement()
                .satisfies(e -> assertThat(e.channel()).isEmpty());
        assertThat(rapport.tickets().history(Actor.system(), ticket.id())).extracting(AuditEntry::action)
                .containsSubsequence("ticket.closed", "survey.requested", "survey.invited");
    }

    @StorageTest
    void withoutASurveyProviderClosingCreatesNoSurvey(TestDatabase db) {
        var rapport = rapports.start(db);

        var ticket = closedTicket(rapport);

        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(rapport.surveys().ofTicket(Actor.system(), ticket.id())).isEmpty();
    }

    @StorageTest
    void aThrowingProviderNeitherDelaysTheClosingNorLosesTheSurveyWhichADeadLetterRetryInvites(TestDatabase db)
            throws Exception {
        var provider = FakeSurveyProvider.answering(request -> {
            throw new IllegalStateException("survey service down");
        });
        var rapport = rapports.start(rapports.builder(db).surveyProvider("link", provider)
                .config("rapport.surveys.link.timeout", "300ms")
                .config("rapport.surveys.link.max-attempts", "2")
                .config("rapport.surveys.link.backoff-base", "1s")
                .config("rapport.events.poll-interval", "50ms"));

        long start = System.nanoTime();
        var ticket = closedTicket(rapport);
        var closing = Duration.ofNanos(System.nanoTime() - start);
        Eventually.until("the invitation's dead letter", () -> deadLetters(rapport).size() == 1,
                () -> clock.advance(Duration.ofSeconds(5)));

        assertThat(closing).as("opening, resolving and closing").isLessThan(Duration.ofSeconds(3));
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(surveyOf(rapport, ticket.id()).state()).isEqualTo(SurveyState.PENDING);
        assertThat(deadLetters(rapport)).singleElement().satisfies(dead -> {
            assertThat(dead.eventType()).isEqualTo("SurveyRequested");
            assertThat(dead.attempts()).isEqualTo(2);
            assertThat(dead.lastError()).hasValueSatisfying(e -> assertThat(e)
                    .endsWith("threw java.lang.IllegalStateException"));
        });
        assertThat(provider.requests()).hasSize(2);

        provider.heal();
        rapport.deadLetters().retryAll(Actor.system(), "survey.link");

        assertThat(invited(rapport, ticket.id()).link()).isPresent();
    }

    @StorageTest
    void aHangingProviderIsGivenUpAtItsTimeBoxAndEndsAsADeadLetter(TestDatabase db) throws Exception {
        var provider = FakeSurveyProvider.answering(request -> {
            sleep(Duration.ofDays(1));
            return FakeSurveyProvider.link(request);
        });
        var rapport = rapports.start(rapports.builder(db).surveyProvider("link", provider)
                .config("rapport.surveys.link.timeout", "200ms")
                .config("rapport.surveys.link.max-attempts", "2")
                .config("rapport.surveys.link.backoff-base", "1s")
                .config("rapport.events.poll-interval", "50ms"));

        long start = System.nanoTime();
        var ticket = closedTicket(rapport);
        var closing = Duration.ofNanos(System.nanoTime() - start);
        Eventually.until("the invitation's dead letter", () -> deadLetters(rapport).size() == 1,
                () -> clock.advance(Duration.ofSeconds(5)));

        assertThat(closing).isLessThan(Duration.ofSeconds(3));
        assertThat(surveyOf(rapport, ticket.id()).state()).isEqualTo(SurveyState.PENDING);
        assertThat(deadLetters(rapport).getFirst().lastError())
                .hasValueSatisfying(e -> assertThat(e).endsWith("no answer within PT0.2S"));
    }

    @StorageTest
    void aTicketThatCameByMailGetsTheLinkAsAReplyInTheCustomersLanguage(TestDatabase db) throws Exception {
        var provider = FakeSurveyProvider.issuing();
        var mailbox = new FakeMailbox();
        var rapport = rapports.start(rapports.builder(db).surveyProvider("link", provider)
                .channel("support-mail", mailbox).config("rapport.events.poll-interval", "50ms"));
        mailbox.deliver(mail("m1@customer.example", "li.wei@customer.example", "Printer jams",
                "Since Monday every print job jams."));
        mailbox.deliver(mail("m2@customer.example", "wang.fang@customer.example", "打印机卡纸", "每次打印都卡纸。"));
        var english = rapport.inbox().pollNow().stream().map(i -> i.ticketId().orElseThrow()).toList();

        var inEnglish = invited(rapport, SurveyFlow.close(rapport, english.get(0)).id());
        var inChinese = invited(rapport, SurveyFlow.close(rapport, english.get(1)).id());
        Eventually.until("both links sent", () -> mailbox.replies().size() == 2);

        assertThat(inEnglish.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(inChinese.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(inEnglish.channel()).contains("support-mail");
        var replies = mailbox.replies();
        var toEnglish = replies.stream().filter(r -> r.to().email().orElseThrow().startsWith("li.wei")).findFirst()
                .orElseThrow();
        var toChinese = replies.stream().filter(r -> r.to().email().orElseThrow().startsWith("wang.fang")).findFirst()
                .orElseThrow();
        assertThat(toEnglish.body()).contains(inEnglish.link().orElseThrow().toString())
                .contains(inEnglish.ticketNumber()).contains("How did we do?").contains("2026-12-07 10:00");
        assertThat(toChinese.body()).contains(inChinese.link().orElseThrow().toString()).contains("请花一分钟评价");
    }

    @StorageTest
    void severalProvidersNeedTheOneThatIssuesNamedAndAnUnknownSettingIsRefused(TestDatabase db) {
        var several = rapports.builder(db).surveyProvider("link", FakeSurveyProvider.issuing())
                .surveyProvider("panel", FakeSurveyProvider.issuing());
        var unknown = rapports.builder(db).config("rapport.surveys.validty", "7d");

        assertThatThrownBy(several::build).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("rapport.surveys.provider").hasMessageContaining("[link, panel]");
        assertThatThrownBy(unknown::build).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("validty");
    }

    @StorageTest
    void theConfiguredValiditySetsTheExpiryAndTheNamedProviderIssues(TestDatabase db) throws Exception {
        var link = FakeSurveyProvider.issuing();
        var panel = FakeSurveyProvider.issuing();
        var rapport = rapports.start(rapports.builder(db).surveyProvider("link", link).surveyProvider("panel", panel)
                .config("rapport.surveys.provider", "panel").config("rapport.surveys.validity", "7d")
                .config("rapport.events.poll-interval", "50ms"));

        var ticket = closedTicket(rapport);
        var survey = invited(rapport, ticket.id());

        assertThat(survey.provider()).isEqualTo("panel");
        assertThat(survey.expiresAt()).isEqualTo(ticket.closedAt().orElseThrow().plus(Duration.ofDays(7)));
        assertThat(panel.requests()).hasSize(1);
        assertThat(link.requests()).isEmpty();
    }

    private static List<DeadLetter> deadLetters(Rapport rapport) {
        return rapport.deadLetters().list(Actor.system(), Optional.of("survey.link"), PageRequest.first()).items();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
