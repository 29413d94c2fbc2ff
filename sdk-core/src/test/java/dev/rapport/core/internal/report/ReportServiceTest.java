package dev.rapport.core.internal.report;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.NewPurchase;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.ImprovementUpdate;
import dev.rapport.api.improvement.NewImprovement;
import dev.rapport.api.improvement.RootCause;
import dev.rapport.api.improvement.VerifyImprovement;
import dev.rapport.api.report.Grouping;
import dev.rapport.api.report.ImprovementFigures;
import dev.rapport.api.report.KpiReport;
import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.MonthlyReview;
import dev.rapport.api.report.Rate;
import dev.rapport.api.report.ReportPeriod;
import dev.rapport.api.report.ReportQuery;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.FakeSurveyProvider;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * SPEC §7: every KPI against figures computed by hand from a small fixture (docs/kpis.md defines them). The service
 * works in Asia/Shanghai (UTC+8); the fixture's times are UTC.
 *
 * <pre>
 * ticket  opened (UTC)        type / priority / channel    first response       resolved              judged
 * T0      2026-10-05 02:00    COMPLAINT  P1 EMAIL           +10m                 +5h                   SATISFIED
 * T1      2026-11-02 02:00    COMPLAINT  P1 EMAIL           +20m (due +30m)      +10h (due +24h)       SATISFIED
 * T2      2026-11-03 02:00    CONSULTATION P1 PHONE         +50m (late)          +30h (late), reopened, +40h (late)
 *                                                                                 NEEDS_ADJUSTMENT +31h, SATISFIED +41h
 * T3      2026-11-06 09:00    AFTER_SALES_SUPPORT P3 WEB    Mon 11-09 01:30:     11-10 02:00: 89h wall-clock,
 *         (Fri 17:00 local)                                 1h30m business time  11h business (due 48h)
 * T4      2026-11-20 02:00    COMPLAINT  P1 EMAIL           +5m                  —
 * T6      2026-10-31 17:00    CONSULTATION P2 CHAT          —                    —
 *         (Nov 1 01:00 local: a November ticket)
 *
 * survey of  answered           speed resolution attitude overall recommend
 * T0         2026-10-06         5     5          5        5       9
 * T1         2026-11-03         4     5          5        5       10
 * T2         2026-11-05         1     3          2        3       6
 *
 * improvement  department        created     then
 * A            after-sales       2026-10-10  still PROPOSED
 * B            customer-service  2026-11-06  DONE 11-10, verified with 4 on 11-12 and 2 on 11-13: VERIFIED
 * </pre>
 */
class ReportServiceTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private final MutableClock clock = MutableClock.at("2026-09-01T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;
    private Customer regular;
    private final Map<DepartmentId, User> agents = new HashMap<>();
    private final AtomicInteger answers = new AtomicInteger();

    @StorageTest
    void novembersKpisMatchTheHandComputedFigures(TestDatabase db) throws InterruptedException {
        givenTheFixture(db);

        Kpis kpis = rapport.reports().kpis(Actor.system(), ReportQuery.of(ReportPeriod.of(NOVEMBER))).overall();

        assertThat(kpis.ticketsOpened()).isEqualTo(5);
        assertThat(kpis.volumeByType()).containsExactly(entry("AFTER_SALES_SUPPORT", 1L), entry("COMPLAINT", 2L),
                entry("CONSULTATION", 2L));
        assertThat(kpis.volumeByStage()).containsEntry(LifecycleStage.AFTER_SALES, 3L)
                .containsEntry(LifecycleStage.PRE_SALES, 2L).containsEntry(LifecycleStage.IN_SALES, 0L);
        assertThat(kpis.volumeByChannel()).containsEntry(IntakeChannel.EMAIL, 2L).containsEntry(IntakeChannel.PHONE, 1L)
                .containsEntry(IntakeChannel.WEB, 1L).containsEntry(IntakeChannel.CHAT, 1L)
                .containsEntry(IntakeChannel.OTHER, 0L);
        assertThat(kpis.complaints()).isEqualTo(new Rate(2, 5));
        // Waits of 5m, 20m, 50m and 90m (T3 in business time): median (20+50)/2, p90 at rank 2.7 = 50 + 0.7 × 40.
        assertThat(kpis.firstResponse().median()).contains(Duration.ofMinutes(35));
        assertThat(kpis.firstResponse().p90()).contains(Duration.ofMinutes(78));
        assertThat(kpis.firstResponse().withinTarget()).isEqualTo(new Rate(3, 4));
        assertThat(kpis.resolvedWithin72h()).as("T1 and T2 fast, T3 after 89 hours").isEqualTo(new Rate(2, 3));
        assertThat(kpis.slaCompliance()).containsEntry(Priority.P1, new Rate(1, 2)).containsEntry(Priority.P2, Rate.NONE)
                .containsEntry(Priority.P3, new Rate(1, 1)).containsEntry(Priority.P4, Rate.NONE);
        assertThat(kpis.reopened()).as("T2 reopened of T1 and T2 judged").isEqualTo(new Rate(1, 2));
        assertThat(kpis.survey().answers()).isEqualTo(2);
        assertThat(kpis.survey().responseSpeed()).contains(2.5);
        assertThat(kpis.survey().resolution()).contains(4.0);
        assertThat(kpis.survey().attitude()).contains(3.5);
        assertThat(kpis.survey().overall()).contains(4.0);
        assertThat(kpis.survey().verySatisfied()).isEqualTo(new Rate(1, 2));
        assertThat(kpis.survey().nps()).as("one promoter (10), one detractor (6)").contains(0.0);
        assertThat(kpis.repeatPurchase()).as("of two customers who had bought before, one bought again")
                .isEqualTo(new Rate(1, 2));
        assertThat(kpis.referral()).as("one of November's two new customers came by referral").isEqualTo(new Rate(1, 2));
        assertThat(kpis.improvements()).as("A still open; B's two scores")
                .isEqualTo(new ImprovementFigures(1, 2, Optional.of(3.0)));
    }

    @StorageTest
    void aBreakdownByPriorityCountsEachGroupOnItsOwn(TestDatabase db) throws InterruptedException {
        givenTheFixture(db);

        KpiReport report = rapport.reports().kpis(Actor.system(),
                ReportQuery.of(ReportPeriod.of(NOVEMBER)).groupedBy(Grouping.PRIORITY));

        assertThat(report.groups()).extracting(KpiReport.Group::key, g -> g.kpis().ticketsOpened())
                .containsExactly(tuple("P1", 3L), tuple("P2", 1L), tuple("P3", 1L));
        Kpis p1 = report.groups().getFirst().kpis();
        assertThat(p1.firstResponse().median()).contains(Duration.ofMinutes(20));
        assertThat(p1.complaints()).isEqualTo(new Rate(2, 3));
        assertThat(p1.repeatPurchase()).as("customer figures are service-wide only").isEqualTo(Rate.NONE);
        assertThat(report.groups().get(2).kpis().slaCompliance()).containsEntry(Priority.P3, new Rate(1, 1));
        assertThat(report.overall().ticketsOpened()).isEqualTo(5);
    }

    @StorageTest
    void theMonthlyReviewComparesWithOctoberAndFlagsTheWeakPoints(TestDatabase db) throws InterruptedException {
        givenTheFixture(db);

        MonthlyReview review = rapport.reports().monthly(Actor.system(), NOVEMBER, Optional.empty());

        assertThat(review.previousMonth().ticketsOpened()).as("T0 only: T6 opened on November 1st local time")
                .isEqualTo(1);
        assertThat(review.changes()).filteredOn(c -> c.figure().equals("ticketsOpened"))
                .extracting(MonthlyReview.Change::delta).containsExactly(Optional.of(4.0));
        assertThat(review.changes()).filteredOn(c -> c.figure().equals("firstResponse.medianSeconds"))
                .extracting(MonthlyReview.Change::delta).containsExactly(Optional.of(25 * 60.0));
        assertThat(review.changes()).filteredOn(c -> c.figure().equals("slaCompliance.P2"))
                .extracting(MonthlyReview.Change::delta).containsExactly(Optional.empty());
        assertThat(review.previousMonth().improvements()).as("B came in November")
                .isEqualTo(new ImprovementFigures(1, 0, Optional.empty()));
        assertThat(review.changes()).filteredOn(c -> c.figure().equals("survey.nps"))
                .extracting(MonthlyReview.Change::delta).containsExactly(Optional.of(-100.0));
        assertThat(review.weakPoints()).extracting(MonthlyReview.WeakPoint::figure, MonthlyReview.WeakPoint::value,
                        MonthlyReview.WeakPoint::threshold, MonthlyReview.WeakPoint::reason)
                .containsExactly(tuple("slaCompliance.P1", 0.5, 0.95, MonthlyReview.Reason.SLA_BELOW_TARGET),
                        tuple("survey.responseSpeed", 2.5, 3.0, MonthlyReview.Reason.SURVEY_DIMENSION_LOW));
    }

    @StorageTest
    void aSupervisorSeesTheOwnDepartmentOnly(TestDatabase db) throws InterruptedException {
        givenTheFixture(db);
        var supervisor = Fixtures.actor(rapport, Role.SUPERVISOR, "after-sales");
        var agent = Fixtures.actor(rapport, Role.AGENT, "after-sales");
        var november = ReportQuery.of(ReportPeriod.of(NOVEMBER));

        KpiReport own = rapport.reports().kpis(supervisor, november);

        assertThat(own.query().department()).contains(DepartmentId.of("after-sales"));
        assertThat(own.overall().volumeByType()).containsOnly(entry("COMPLAINT", 2L));
        assertThat(own.overall().firstResponse().withinTarget()).isEqualTo(new Rate(2, 2));
        assertThat(own.overall().survey().answers()).as("T1's answer; T2 is customer service's").isEqualTo(1);
        assertThat(own.overall().improvements()).as("A only").isEqualTo(new ImprovementFigures(1, 0, Optional.empty()));
        assertThatThrownBy(() -> rapport.reports().kpis(supervisor, november.in(DepartmentId.of("customer-service"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rapport.reports().kpis(agent, november)).isInstanceOf(ForbiddenException.class);
    }

    @StorageTest
    void aPeriodWithoutTicketsHasNothingToMeasure(TestDatabase db) {
        rapport = rapports.start(db);

        Kpis kpis = rapport.reports().kpis(Actor.system(), ReportQuery.of(ReportPeriod.of(NOVEMBER))).overall();

        assertThat(kpis.ticketsOpened()).isZero();
        assertThat(kpis.firstResponse().median()).isEmpty();
        assertThat(kpis.resolvedWithin72h().value()).isEmpty();
        assertThat(kpis.figures()).filteredOn(f -> f.name().equals("reopenRate"))
                .extracting(Kpis.Figure::value).containsExactly(Optional.empty());
    }

    private void givenTheFixture(TestDatabase db) throws InterruptedException {
        rapport = rapports.start(rapports.builder(db).surveyProvider("link", FakeSurveyProvider.issuing()));
        regular = customer(CustomerSource.REFERRAL);
        var lapsed = customer(CustomerSource.WEB);
        purchase(regular, "2026-09-10T02:00:00Z");
        purchase(lapsed, "2026-09-15T02:00:00Z");

        at("2026-10-05T02:00:00Z");
        var t0 = open("COMPLAINT", Priority.P1, IntakeChannel.EMAIL);
        respond(t0, "2026-10-05T02:10:00Z");
        resolve(t0, "2026-10-05T07:00:00Z");
        judge(t0, Opinion.SATISFIED, "2026-10-05T08:00:00Z");
        answer(t0, "2026-10-06T02:00:00Z", SurveyAnswer.of(5, 5, 5, 5, 9));

        at("2026-10-10T02:00:00Z");
        improvement("after-sales");

        at("2026-10-31T17:00:00Z");
        open("CONSULTATION", Priority.P2, IntakeChannel.CHAT);

        at("2026-11-02T01:00:00Z");
        customer(CustomerSource.REFERRAL);
        customer(CustomerSource.EXHIBITION);
        at("2026-11-02T02:00:00Z");
        var t1 = open("COMPLAINT", Priority.P1, IntakeChannel.EMAIL);
        respond(t1, "2026-11-02T02:20:00Z");
        resolve(t1, "2026-11-02T12:00:00Z");
        judge(t1, Opinion.SATISFIED, "2026-11-02T13:00:00Z");
        answer(t1, "2026-11-03T02:00:00Z", SurveyAnswer.of(4, 5, 5, 5, 10));

        at("2026-11-03T02:00:00Z");
        var t2 = open("CONSULTATION", Priority.P1, IntakeChannel.PHONE);
        respond(t2, "2026-11-03T02:50:00Z");
        resolve(t2, "2026-11-04T08:00:00Z");
        judge(t2, Opinion.NEEDS_ADJUSTMENT, "2026-11-04T09:00:00Z");
        work(t2, "2026-11-04T10:00:00Z");
        resolve(t2, "2026-11-04T18:00:00Z");
        judge(t2, Opinion.SATISFIED, "2026-11-04T19:00:00Z");
        answer(t2, "2026-11-05T02:00:00Z", SurveyAnswer.of(1, 3, 2, 3, 6));

        purchase(regular, "2026-11-05T02:00:00Z");

        at("2026-11-06T02:00:00Z");
        var b = improvement("customer-service");
        at("2026-11-08T02:00:00Z");
        b = rapport.improvements().update(Actor.system(), b.id(), ImprovementUpdate.of(b.version())
                .state(ImprovementState.IN_PROGRESS).build());
        at("2026-11-10T02:00:00Z");
        b = rapport.improvements().update(Actor.system(), b.id(), ImprovementUpdate.of(b.version())
                .state(ImprovementState.DONE).build());
        at("2026-11-12T02:00:00Z");
        rapport.improvements().verify(Actor.system(), b.id(), new VerifyImprovement(4, Optional.empty(),
                Optional.of(regular.id())));
        at("2026-11-13T02:00:00Z");
        rapport.improvements().verify(Actor.system(), b.id(), new VerifyImprovement(2, Optional.of("Still slow"),
                Optional.of(regular.id())));

        at("2026-11-06T09:00:00Z");
        var t3 = open("AFTER_SALES_SUPPORT", Priority.P3, IntakeChannel.WEB);
        respond(t3, "2026-11-09T01:30:00Z");
        resolve(t3, "2026-11-10T02:00:00Z");

        at("2026-11-20T02:00:00Z");
        var t4 = open("COMPLAINT", Priority.P1, IntakeChannel.EMAIL);
        respond(t4, "2026-11-20T02:05:00Z");

        at("2026-12-01T02:00:00Z");
    }

    private Improvement improvement(String department) {
        var owner = Fixtures.user(rapport, Role.SUPERVISOR, department);
        return rapport.improvements().create(Actor.system(), NewImprovement.builder()
                .problem("Export jobs time out").rootCause(RootCause.PRODUCT_DEFECT).measures("Index the export query")
                .department(DepartmentId.of(department)).owner(owner.id()).customer(regular.id()).build());
    }

    private Customer customer(CustomerSource source) {
        return rapport.customers().create(Actor.system(), Fixtures.aCustomer().source(source).build(), true);
    }

    private void purchase(Customer customer, String at) {
        at(at);
        rapport.purchases().record(Actor.system(), customer.id(), new NewPurchase(
                LocalDate.ofInstant(clock.instant(), rapport.clock().getZone()), new BigDecimal("1200.00"), "CNY"));
    }

    /** Opens a ticket and assigns it to an agent of the department it was routed to. */
    private Ticket open(String type, Priority priority, IntakeChannel channel) {
        var ticket = rapport.tickets().open(Actor.system(), OpenTicket.builder().customer(regular.id()).type(type)
                .priority(priority).channel(channel).description("Something to measure").build());
        var agent = agents.computeIfAbsent(ticket.departmentId(), department ->
                Fixtures.user(rapport, Role.AGENT, department.value()));
        return rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
    }

    private void respond(Ticket ticket, String at) {
        at(at);
        rapport.tickets().addProgress(Actor.system(), ticket.id(), AddProgress.note("Looking into it",
                Visibility.CUSTOMER, current(ticket).version()));
    }

    private void work(Ticket ticket, String at) {
        at(at);
        rapport.tickets().addProgress(Actor.system(), ticket.id(), AddProgress.note("Reworking the export",
                Visibility.INTERNAL, current(ticket).version()));
    }

    private void resolve(Ticket ticket, String at) {
        at(at);
        rapport.tickets().resolve(Actor.system(), ticket.id(), new ResolveTicket(current(ticket).version(), "Fixed",
                CommunicationMethod.EMAIL));
    }

    private void judge(Ticket ticket, Opinion opinion, String at) {
        at(at);
        rapport.tickets().confirm(Actor.system(), ticket.id(), new ConfirmResolution(current(ticket).version(), opinion,
                Optional.of(CommunicationMethod.EMAIL), opinion == Opinion.SATISFIED ? Optional.empty()
                : Optional.of("The export still fails")));
    }

    /** Answers the ticket's survey once its invitation was issued, from an address of its own. */
    private void answer(Ticket ticket, String at, SurveyAnswer answer) throws InterruptedException {
        Eventually.until("the survey of " + ticket.number() + " invited", () -> survey(ticket).state()
                == SurveyState.INVITED);
        at(at);
        String path = survey(ticket).link().orElseThrow().getPath();
        rapport.surveys().answer(path.substring(path.lastIndexOf('/') + 1), answer,
                "198.51.100." + answers.incrementAndGet());
    }

    private Survey survey(Ticket ticket) {
        return rapport.surveys().ofTicket(Actor.system(), ticket.id()).getFirst();
    }

    private Ticket current(Ticket ticket) {
        return rapport.tickets().get(Actor.system(), ticket.id()).ticket();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}
