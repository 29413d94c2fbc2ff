package dev.rapport.core.internal.survey;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.SurveyCompleted;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.core.testing.FakeSurveyProvider;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.rapport.core.internal.survey.SurveyFlow.closedTicket;
import static dev.rapport.core.internal.survey.SurveyFlow.invited;
import static dev.rapport.core.internal.survey.SurveyFlow.invitedToken;
import static dev.rapport.core.internal.survey.SurveyFlow.surveyOf;
import static dev.rapport.core.internal.survey.SurveyFlow.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §6: a survey takes one valid answer before it expires, and a low score opens service recovery. */
class SurveyAnswersTest {
    private static final String ADDRESS = "203.0.113.7";
    private static final SurveyAnswer GOOD = SurveyAnswer.of(5, 4, 5, 5, 9).withComment("  Quick and friendly. ");
    private static final SurveyAnswer POOR = SurveyAnswer.of(4, 2, 4, 3, 6);

    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private final List<Survey> recoveries = new CopyOnWriteArrayList<>();

    private Rapport start(TestDatabase db) {
        return rapports.start(builder(db));
    }

    private RapportBuilder builder(TestDatabase db) {
        return rapports.builder(db).surveyProvider("link", FakeSurveyProvider.issuing()).listener(heard)
                .config("rapport.events.poll-interval", "50ms");
    }

    @StorageTest
    void anInvitedSurveyTakesOneAnswerStoredWithItsEventAndAuditEntry(TestDatabase db) throws Exception {
        var rapport = start(db);
        var ticket = closedTicket(rapport);
        String token = token(invited(rapport, ticket.id()));

        var shown = rapport.surveys().form(token, ADDRESS);
        var answered = rapport.surveys().answer(token, GOOD, ADDRESS);

        assertThat(shown.state()).isEqualTo(SurveyState.INVITED);
        assertThat(shown.ticketNumber()).isEqualTo(ticket.number());
        assertThat(answered.state()).isEqualTo(SurveyState.ANSWERED);
        var survey = surveyOf(rapport, ticket.id());
        assertThat(survey.state()).isEqualTo(SurveyState.ANSWERED);
        assertThat(survey.answer()).contains(SurveyAnswer.of(5, 4, 5, 5, 9).withComment("Quick and friendly."));
        assertThat(survey.answeredAt()).contains(clock.instant());
        assertThat(heard.await(SurveyCompleted.class, 1)).singleElement().satisfies(e -> {
            assertThat(List.of(e.responseSpeed(), e.resolution(), e.attitude(), e.overall(), e.recommend()))
                    .containsExactly(5, 4, 5, 5, 9);
            assertThat(e.commented()).isTrue();
            assertThat(e.needsRecovery()).isFalse();
            assertThat(e.recipients()).containsExactly(ticket.assigneeId().orElseThrow());
        });
        assertThat(actions(rapport, survey)).contains("survey.answered").doesNotContain(RecoveryNote.ACTION);
        assertThatThrownBy(() -> rapport.surveys().answer(token, POOR, ADDRESS))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("survey.answered"));
        assertThat(rapport.surveys().form(token, ADDRESS).state()).isEqualTo(SurveyState.ANSWERED);
        assertThat(surveyOf(rapport, ticket.id()).answer()).contains(survey.answer().orElseThrow());
    }

    @StorageTest
    void anUnknownTokenIsNotFound(TestDatabase db) throws Exception {
        var rapport = start(db);
        String token = invitedToken(rapport);

        assertThatThrownBy(() -> rapport.surveys().form(token + "x", ADDRESS)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.surveys().answer("", GOOD, ADDRESS)).isInstanceOf(NotFoundException.class);
    }

    @StorageTest
    void anExpiredSurveyIsGoneAndTakesNoAnswer(TestDatabase db) throws Exception {
        var rapport = start(db);
        var ticket = closedTicket(rapport);
        String token = token(invited(rapport, ticket.id()));
        clock.advance(Duration.ofDays(14));

        assertThat(rapport.surveys().form(token, ADDRESS).state()).isEqualTo(SurveyState.EXPIRED);
        assertThatThrownBy(() -> rapport.surveys().answer(token, GOOD, ADDRESS))
                .isInstanceOfSatisfying(GoneException.class, e -> assertThat(e.code()).isEqualTo("survey.expired"));
        var survey = surveyOf(rapport, ticket.id());
        assertThat(survey.state()).isEqualTo(SurveyState.EXPIRED);
        assertThat(survey.answer()).isEmpty();
    }

    @StorageTest
    void everyMissingOrOutOfRangeScoreIsNamedAndNothingIsStored(TestDatabase db) throws Exception {
        var rapport = start(db);
        var ticket = closedTicket(rapport);
        String token = token(invited(rapport, ticket.id()));
        var bad = new SurveyAnswer(0, 6, null, 3, 11, Optional.of("x".repeat(SurveyAnswer.MAX_COMMENT + 1)));

        assertThatThrownBy(() -> rapport.surveys().answer(token, bad, ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("responseSpeed", "resolution", "attitude", "recommend", "comment"));
        assertThat(surveyOf(rapport, ticket.id()).state()).isEqualTo(SurveyState.INVITED);
        assertThat(rapport.surveys().answer(token, GOOD, ADDRESS).state()).isEqualTo(SurveyState.ANSWERED);
    }

    @StorageTest
    void ofAnswersRacingForOneSurveyExactlyOneIsStored(TestDatabase db) throws Exception {
        var rapport = start(db);
        var ticket = closedTicket(rapport);
        String token = token(invited(rapport, ticket.id()));
        int racers = 6;
        var ready = new CountDownLatch(racers);
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < racers; i++) {
            int overall = 1 + i % 5;
            tasks.add(() -> {
                ready.countDown();
                ready.await();
                try {
                    rapport.surveys().answer(token, SurveyAnswer.of(3, 3, 3, overall, 7), "198.51.100." + overall);
                    return "stored";
                } catch (ConflictException e) {
                    return e.code();
                }
            });
        }
        var outcomes = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(racers)) {
            for (Future<String> outcome : pool.invokeAll(tasks)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).containsOnly("stored", "survey.answered");
        assertThat(outcomes).filteredOn("stored"::equals).hasSize(1);
        var survey = surveyOf(rapport, ticket.id());
        assertThat(actions(rapport, survey)).filteredOn("survey.answered"::equals).hasSize(1);
        assertThat(heard.await(SurveyCompleted.class, 1).getFirst().overall())
                .isEqualTo(survey.answer().orElseThrow().overall());
    }

    @StorageTest
    void aScoreOfTwoOrLessOpensServiceRecoveryInTheAnswersTransaction(TestDatabase db) throws Exception {
        var rapport = start(db);
        var poorTicket = closedTicket(rapport);
        var goodTicket = closedTicket(rapport);
        String poor = token(invited(rapport, poorTicket.id()));
        String good = token(invited(rapport, goodTicket.id()));

        rapport.surveys().answer(poor, POOR, ADDRESS);
        rapport.surveys().answer(good, SurveyAnswer.of(3, 3, 3, 3, 0), ADDRESS);

        assertThat(recoveries(rapport, poorTicket.id())).as("SPEC §6: a service-recovery follow-up")
                .singleElement().satisfies(f -> {
                    assertThat(f.state()).isEqualTo(FollowUpState.PENDING);
                    assertThat(f.purpose()).isNotBlank();
                });
        assertThat(recoveries(rapport, goodTicket.id())).isEmpty();
        assertThat(actions(rapport, surveyOf(rapport, poorTicket.id()))).as("no note: the follow-up carries the need")
                .doesNotContain(RecoveryNote.ACTION);
        assertThat(heard.await(SurveyCompleted.class, 2)).extracting(SurveyCompleted::needsRecovery)
                .containsExactlyInAnyOrder(true, false);
    }

    private static List<FollowUp> recoveries(Rapport rapport, TicketId ticket) {
        return rapport.followUps().list(Actor.system(), FollowUpFilter.all().withTicket(ticket), PageRequest.first())
                .items().stream().filter(f -> f.kind() == FollowUpKind.SERVICE_RECOVERY).toList();
    }

    @StorageTest
    void theServiceRecoveryHookIsCalledForALowScoreOnlyWithTheAnsweredSurvey(TestDatabase db) throws Exception {
        var rapport = rapports.start(builder(db).serviceRecovery((tx, survey, now) -> {
            recoveries.add(survey);
            return List.of();
        }));
        var poorTicket = closedTicket(rapport);
        var goodTicket = closedTicket(rapport);
        String poor = token(invited(rapport, poorTicket.id()));
        String good = token(invited(rapport, goodTicket.id()));

        rapport.surveys().answer(good, GOOD, ADDRESS);
        rapport.surveys().answer(poor, SurveyAnswer.of(1, 5, 5, 5, 10), ADDRESS);

        assertThat(recoveries).singleElement().satisfies(survey -> {
            assertThat(survey.ticketId()).isEqualTo(poorTicket.id());
            assertThat(survey.answer()).contains(SurveyAnswer.of(1, 5, 5, 5, 10));
        });
        assertThat(actions(rapport, surveyOf(rapport, poorTicket.id()))).doesNotContain(RecoveryNote.ACTION);
    }

    @StorageTest
    void anAgentWhoMayWorkTheTicketRecordsAnAnswerGivenByPhone(TestDatabase db) throws Exception {
        var rapport = start(db);
        var ticket = closedTicket(rapport);
        var survey = invited(rapport, ticket.id());
        var agent = Fixtures.actor(rapport, Role.AGENT, ticket.departmentId().value());
        var outsider = Fixtures.actor(rapport, Role.AGENT, "logistics");

        assertThatThrownBy(() -> rapport.surveys().record(outsider, survey.id(), GOOD))
                .as("a ticket the outsider may not see is not there for them").isInstanceOf(NotFoundException.class);
        var recorded = rapport.surveys().record(agent, survey.id(), GOOD);

        assertThat(recorded.state()).isEqualTo(SurveyState.ANSWERED);
        assertThat(rapport.tickets().history(Actor.system(), ticket.id()))
                .filteredOn(e -> e.action().equals("survey.answered")).singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(agent.userId()));
        assertThatThrownBy(() -> rapport.surveys().answer(token(survey), GOOD, ADDRESS))
                .isInstanceOf(ConflictException.class);
    }

    @StorageTest
    void publicRequestsAreLimitedPerAddress(TestDatabase db) throws Exception {
        var rapport = rapports.start(builder(db).config("rapport.surveys.rate-limit", "2"));
        String token = invitedToken(rapport);

        rapport.surveys().form(token, ADDRESS);
        rapport.surveys().form(token, ADDRESS);

        assertThatThrownBy(() -> rapport.surveys().answer(token, GOOD, ADDRESS))
                .isInstanceOf(RateLimitedException.class);
        assertThat(rapport.surveys().answer(token, GOOD, "198.51.100.1").state()).isEqualTo(SurveyState.ANSWERED);
    }

    private static List<String> actions(Rapport rapport, Survey survey) {
        return rapport.tickets().history(Actor.system(), survey.ticketId()).stream().map(AuditEntry::action).toList();
    }
}
