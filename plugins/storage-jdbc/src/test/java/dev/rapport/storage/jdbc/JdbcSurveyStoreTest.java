package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.T0;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.Fixtures.newId;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcSurveyStoreTest {
    private static final String TOKEN = "q7Vw0b1Yk2mXz3Jp4Lr5Ts6Ua7Hc8Dd9Ee0Ff1Gg2";
    private static final URI LINK = URI.create("https://rapport.example/survey/" + TOKEN);
    private static final SurveyAnswer ANSWER = SurveyAnswer.of(4, 5, 5, 4, 9).withComment("很好 \"quick\"");

    private final Customer customer = aCustomer().build();
    private final Ticket ticket = aTicketOf(customer.id()).build();

    @StorageTest
    void aNewSurveyIsPendingWithItsTicketsNumberAndCustomer(TestDatabase db) {
        var survey = pending();
        try (var storage = stored(db, survey)) {
            var found = storage.get(tx -> tx.surveys().find(survey.id()));
            var ofTicket = storage.get(tx -> tx.surveys().ofTicket(ticket.id()));

            assertThat(found).contains(survey);
            assertThat(ofTicket).containsExactly(survey);
        }
    }

    @StorageTest
    void anInvitationIsKeptOnceAndItsTokenFindsTheSurvey(TestDatabase db) {
        var survey = pending();
        try (var storage = stored(db, survey)) {
            boolean first = storage.get(tx -> tx.surveys().invite(survey.id(), TOKEN, Optional.of(LINK),
                    minutesAfterT0(1)));
            boolean second = storage.get(tx -> tx.surveys().invite(survey.id(), "another-token-of-22-chars",
                    Optional.empty(), minutesAfterT0(2)));
            storage.run(tx -> tx.surveys().sentBy(survey.id(), "support-mail"));

            var found = storage.get(tx -> tx.surveys().findByToken(TOKEN)).orElseThrow();

            assertThat(List.of(first, second)).containsExactly(true, false);
            assertThat(found.state()).isEqualTo(SurveyState.INVITED);
            assertThat(found.link()).contains(LINK);
            assertThat(found.invitedAt()).contains(minutesAfterT0(1));
            assertThat(found.channel()).contains("support-mail");
            Optional<Survey> byOtherToken = storage.get(tx -> tx.surveys().findByToken("another-token-of-22-chars"));
            assertThat(byOtherToken).isEmpty();
        }
    }

    @StorageTest
    void aTicketHasOneSurveyAndATokenOneSurvey(TestDatabase db) {
        var survey = pending();
        var otherTicket = aTicketOf(customer.id()).build();
        var other = new Survey(SurveyId.of(newId()), otherTicket.id(), otherTicket.number(), customer.id(), "link",
                Locale.ENGLISH, SurveyState.PENDING, Optional.empty(), Optional.empty(), T0, Optional.empty(),
                T0.plus(Duration.ofDays(14)), Optional.empty(), Optional.empty());
        try (var storage = stored(db, survey)) {
            storage.run(tx -> {
                tx.tickets().insert(otherTicket);
                tx.surveys().insert(other);
                tx.surveys().invite(survey.id(), TOKEN, Optional.empty(), T0);
            });

            assertThatThrownBy(() -> storage.run(tx -> tx.surveys().insert(new Survey(SurveyId.of(newId()),
                    ticket.id(), ticket.number(), customer.id(), "link", Locale.ENGLISH, SurveyState.PENDING,
                    Optional.empty(), Optional.empty(), T0, Optional.empty(), T0, Optional.empty(), Optional.empty()))))
                    .isInstanceOf(UnableToExecuteStatementException.class);
            assertThatThrownBy(() -> storage.run(tx -> tx.surveys().invite(other.id(), TOKEN, Optional.empty(), T0)))
                    .isInstanceOf(UnableToExecuteStatementException.class);
        }
    }

    @StorageTest
    void anAnswerIsStoredOnceWithEveryScoreAndTheComment(TestDatabase db) {
        var survey = pending();
        try (var storage = stored(db, survey)) {
            storage.run(tx -> tx.surveys().invite(survey.id(), TOKEN, Optional.of(LINK), minutesAfterT0(1)));
            boolean first = storage.get(tx -> tx.surveys().answer(survey.id(), ANSWER, minutesAfterT0(60)));
            boolean second = storage.get(tx -> tx.surveys().answer(survey.id(), SurveyAnswer.of(1, 1, 1, 1, 0),
                    minutesAfterT0(61)));

            var found = storage.get(tx -> tx.surveys().find(survey.id())).orElseThrow();

            assertThat(List.of(first, second)).containsExactly(true, false);
            assertThat(found.state()).isEqualTo(SurveyState.ANSWERED);
            assertThat(found.answer()).contains(ANSWER);
            assertThat(found.answeredAt()).contains(minutesAfterT0(60));
        }
    }

    @StorageTest
    void ofTwoRacingAnswersExactlyOneIsStored(TestDatabase db) throws Exception {
        var survey = pending();
        var database = db.fresh();
        try (var storage = stored(database, survey)) {
            var results = Race.run(database, storage,
                    tx -> tx.surveys().answer(survey.id(), ANSWER, minutesAfterT0(10)),
                    tx -> tx.surveys().answer(survey.id(), SurveyAnswer.of(1, 1, 1, 1, 0), minutesAfterT0(11)));

            assertThat(results).as("the holder's answer, the racer's").containsExactly(true, false);
            Survey stored = storage.get(tx -> tx.surveys().find(survey.id())).orElseThrow();
            assertThat(stored.answer()).contains(ANSWER);
        }
    }

    private Survey pending() {
        return new Survey(SurveyId.of(newId()), ticket.id(), ticket.number(), customer.id(), "link",
                Locale.forLanguageTag("zh-CN"), SurveyState.PENDING, Optional.empty(), Optional.empty(), T0,
                Optional.empty(), T0.plus(Duration.ofDays(14)), Optional.empty(), Optional.empty());
    }

    private TestStorage stored(TestDatabase db, Survey survey) {
        return stored(db.fresh(), survey);
    }

    private TestStorage stored(DatabaseCoordinates database, Survey survey) {
        var storage = TestStorage.on(database);
        storage.run(tx -> {
            tx.customers().insert(customer);
            tx.tickets().insert(ticket);
            tx.surveys().insert(survey);
        });
        return storage;
    }
}
