package dev.rapport.server.demo;

import dev.rapport.api.PageRequest;
import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.improvement.ImprovementFilter;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.SuggestionState;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.spi.survey.SurveyInvitation;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyRequest;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T01:00:00Z");
    private final List<Rapport> started = new ArrayList<>();

    @AfterEach
    void closeTheRapports() {
        started.forEach(Rapport::close);
    }

    /** As the server in demo mode builds it, without background work: nothing happens unless the test says so. */
    private RapportBuilder builder(TestDatabase db) {
        var database = db.fresh();
        var builder = DemoData.prepare(Rapport.builder()).clock(clock).jdbcUrl(database.url())
                .slaScanInterval(Duration.ZERO).followUpScanInterval(Duration.ZERO)
                .readingsBackfillInterval(Duration.ZERO).pollChannels(false);
        if (database.user() != null) {
            builder.jdbcCredentials(database.user(), database.password() == null ? "" : database.password());
        }
        return builder;
    }

    private Rapport start(RapportBuilder builder) {
        var rapport = builder.build();
        started.add(rapport);
        return rapport;
    }

    /**
     * The builder takes the demo password's hash as one of the SDK's (Argon2id with its parameters) and the demo users,
     * who are given it instead of a hash of their own, sign in with the demo password: the hash is made for it.
     */
    @Test
    void theDemoPasswordsHashIsOneTheSdkMadeForTheDemoPassword() {
        var rapport = start(builder(TestDatabase.H2));
        DemoData.seed(rapport);

        assertThat(rapport.authentication().login("agent", DemoData.PASSWORD, "127.0.0.1").token()).isNotBlank();
        assertThatThrownBy(() -> rapport.authentication().login("expert", DemoData.PASSWORD + "x", "127.0.0.1"))
                .isInstanceOf(UnauthorizedException.class);
    }

    @StorageTest
    void seedsEveryRoleAndSampleWorkOnce(TestDatabase db) {
        var rapport = start(builder(db));
        assertThat(DemoData.seed(rapport)).isTrue();
        assertThat(DemoData.seed(rapport)).as("a second start changes nothing").isFalse();
        assertThat(rapport.users().list(Actor.system(), PageRequest.first()).items()).extracting(User::employeeId)
                .containsExactlyInAnyOrder("admin", "agent", "agent2", "expert", "manager", "supervisor", "aftersales",
                        "aftersales2", "aftersales-lead", "product", "product2", "product-lead", "sales", "finance",
                        "logistics");
        assertThat(rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first()).items()).hasSize(11);
        assertThat(rapport.followUps().list(Actor.system(), FollowUpFilter.all(), PageRequest.first()).items())
                .as("the 3-7-30 follow-ups of the four closed tickets").hasSize(12)
                .extracting(FollowUp::kind).containsOnly(FollowUpKind.SATISFACTION_CHECK, FollowUpKind.USAGE_GUIDE,
                        FollowUpKind.ACCOUNT_VISIT);
        assertThat(rapport.improvements().list(Actor.system(), ImprovementFilter.all(), PageRequest.first()).items())
                .extracting(Improvement::state).containsExactlyInAnyOrder(ImprovementState.VERIFIED,
                        ImprovementState.PROPOSED);
        assertThat(rapport.improvements().suggestions(Actor.system(), Optional.of(SuggestionState.OPEN),
                PageRequest.first()).items()).singleElement().satisfies(suggestion -> {
                    assertThat(suggestion.ticketType()).isEqualTo("AFTER_SALES_SUPPORT");
                    assertThat(suggestion.customerIds()).hasSize(3);
                });
        assertThat(rapport.authentication().login("agent", DemoData.PASSWORD, "127.0.0.1").token()).isNotBlank();
    }

    @StorageTest
    void everyDepartmentHasSomeoneToWorkItsTicketsAndAfterSalesAndProductHaveAgentsAndASupervisor(TestDatabase db) {
        var rapport = start(builder(db));
        DemoData.seed(rapport);

        var users = rapport.users().list(Actor.system(), PageRequest.first()).items();
        var departments = rapport.departments().list(Actor.system());
        assertThat(departments).isNotEmpty().allSatisfy(department -> assertThat(users)
                .as(department.id().value()).anyMatch(u -> u.departmentId().equals(Optional.of(department.id()))));
        for (String department : List.of("after-sales", "product", "customer-service")) {
            var members = users.stream().filter(u -> u.departmentId().equals(Optional.of(DepartmentId.of(department))))
                    .toList();
            assertThat(members).as(department).filteredOn(u -> u.roles().contains(Role.AGENT)).hasSizeGreaterThan(1);
            assertThat(members).as(department).anyMatch(u -> u.roles().contains(Role.SUPERVISOR));
        }
    }

    @StorageTest
    void theFrontLineAgentFiledAComplaintAndAChangeRequestThatWentToOtherDepartments(TestDatabase db) {
        var rapport = start(builder(db));
        DemoData.seed(rapport);
        var agent = rapport.users().list(Actor.system(), PageRequest.first()).items().stream()
                .filter(u -> u.employeeId().equals("agent")).findFirst().orElseThrow();

        var filed = rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first()).items().stream()
                .filter(t -> t.filedBy(agent.id())).toList();

        assertThat(filed).extracting(t -> t.type() + "@" + t.departmentId().value())
                .containsExactlyInAnyOrder("COMPLAINT@after-sales", "CHANGE_REQUEST@product");
    }

    @StorageTest
    void withASurveyProviderThreeClosedSampleTicketsHaveAnsweredSurveysOneOfThemCallingForRecovery(TestDatabase db) {
        var rapport = start(builder(db).surveyProvider("link", new IssuingLinks()));

        DemoData.seed(rapport);

        var closed = rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first()).items().stream()
                .filter(t -> t.status() == TicketStatus.CLOSED).toList();
        var surveys = closed.stream().flatMap(t -> rapport.surveys().ofTicket(Actor.system(), t.id()).stream()).toList();
        var recoveries = rapport.followUps().list(Actor.system(), FollowUpFilter.all(), PageRequest.first()).items()
                .stream().filter(f -> f.kind() == FollowUpKind.SERVICE_RECOVERY).toList();
        assertThat(closed).hasSize(4);
        assertThat(surveys).hasSize(4).filteredOn(s -> s.state() == SurveyState.ANSWERED).hasSize(3);
        assertThat(recoveries).as("for the complaint rated 2").hasSize(1);
    }

    @StorageTest
    void completesAnInstallationThatAlreadyHasItsFirstAdmin(TestDatabase db) {
        var rapport = start(builder(db));
        var adminPassword = rapport.users().createInitialAdmin().orElseThrow();

        assertThat(DemoData.seed(rapport)).isTrue();
        assertThat(rapport.users().list(Actor.system(), PageRequest.first()).items()).hasSize(15);
        assertThat(rapport.authentication().login("admin", adminPassword, "127.0.0.1").token())
                .as("the existing admin keeps its password").isNotBlank();
        assertThat(rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first()).items()).hasSize(11);
    }

    /** A survey provider issuing a link for every survey, as the survey-link plugin of the demo server does. */
    private static final class IssuingLinks implements SurveyProvider {
        @Override
        public SurveyInvitation invite(SurveyRequest request) {
            String token = "t-" + request.surveyId();
            return new SurveyInvitation(token, Optional.of(URI.create("https://surveys.example/survey/" + token)));
        }

        @Override
        public void close() {
        }
    }
}
