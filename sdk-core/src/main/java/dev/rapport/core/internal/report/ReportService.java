package dev.rapport.core.internal.report;

import dev.rapport.api.TimeLimits;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.report.KpiReport;
import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.MonthlyReview;
import dev.rapport.api.report.ReportPeriod;
import dev.rapport.api.report.ReportQuery;
import dev.rapport.api.report.Reports;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.storage.ReportStore.CustomerTotals;
import dev.rapport.api.spi.storage.ReportStore.SurveyTotals;
import dev.rapport.api.spi.storage.ReportStore.TicketTotals;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.core.ReviewThresholds;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** SPEC §7's reports, computed from the storage's aggregates in one read transaction each. */
public final class ReportService implements Reports {
    private final Transactions transactions;
    private final ZoneId zone;
    private final ReviewThresholds thresholds;
    private final DefaultPeriods defaults;

    public ReportService(Transactions transactions, Clock clock, ZoneId zone, ReviewThresholds thresholds) {
        this.transactions = transactions;
        this.zone = zone;
        this.thresholds = thresholds;
        this.defaults = new DefaultPeriods(clock, zone);
    }

    @Override
    public KpiReport kpis(Actor actor, ReportQuery query) {
        var scoped = new ReportQuery(query.period(), scope(actor, query.department()), query.groupBy());
        return transactions.read(tx -> report(tx, scoped));
    }

    @Override
    public MonthlyReview monthly(Actor actor, YearMonth month, Optional<DepartmentId> department) {
        var checks = FieldChecks.create();
        checks.month("month", month);
        if (TimeLimits.accepts(month) && !TimeLimits.accepts(month.minusMonths(1))) {
            checks.add("month", "must be after " + YearMonth.of(TimeLimits.EARLIEST_YEAR, 1) + ": the review compares it with the month before");
        }
        checks.throwIfAny();
        var scope = scope(actor, department);
        return transactions.read(tx -> {
            var current = report(tx, new ReportQuery(ReportPeriod.of(month), scope, Optional.empty())).overall();
            var previous = report(tx, new ReportQuery(ReportPeriod.of(month.minusMonths(1)), scope, Optional.empty()))
                    .overall();
            return new MonthlyReview(month, scope, current, previous, MonthOverMonth.changes(current, previous),
                    WeakPoints.of(current, thresholds));
        });
    }

    @Override
    public YearMonth currentMonth() {
        return defaults.currentMonth();
    }

    @Override
    public ReportPeriod monthToDate() {
        return defaults.monthToDate();
    }

    private KpiReport report(Transaction tx, ReportQuery query) {
        Instant from = query.period().from().atStartOfDay(zone).toInstant();
        Instant to = query.period().endExclusive().atStartOfDay(zone).toInstant();
        Map<String, LifecycleStage> stages = tx.ticketTypes().list().stream()
                .collect(Collectors.toMap(TicketType::code, TicketType::stage));
        var totals = tx.reports().tickets(from, to, query.department(), query.groupBy());
        Map<Optional<String>, SurveyTotals> answers = tx.reports().surveys(from, to, query.department(),
                query.groupBy()).stream().collect(Collectors.toMap(SurveyTotals::group, a -> a));
        CustomerTotals customers = tx.reports().customers(from, to, query.period().from(),
                query.period().endExclusive());
        var improvements = tx.reports().improvements(from, to, query.department());
        Map<Optional<String>, TicketTotals> tickets = totals.stream()
                .collect(Collectors.toMap(TicketTotals::group, t -> t));
        // A group may have answers (about tickets opened earlier) and no ticket figures, or the other way round.
        var keys = new TreeSet<String>();
        tickets.keySet().forEach(group -> group.ifPresent(keys::add));
        answers.keySet().forEach(group -> group.ifPresent(keys::add));
        Function<Optional<String>, Kpis> kpis = group -> KpiFigures.of(
                tickets.getOrDefault(group, TicketTotals.none(group)), answers.getOrDefault(group,
                        SurveyTotals.none(group)), stages, group.isEmpty() ? Optional.of(customers) : Optional.empty(),
                group.isEmpty() ? Optional.of(improvements) : Optional.empty());
        var groups = keys.stream().map(key -> new KpiReport.Group(key, kpis.apply(Optional.of(key)))).toList();
        return new KpiReport(query, kpis.apply(Optional.empty()), groups);
    }

    /**
     * The department a report may cover: any, or the whole service, with {@code report.read.all}; otherwise only the
     * actor's own, which is also the default.
     */
    private static Optional<DepartmentId> scope(Actor actor, Optional<DepartmentId> asked) {
        actor.require(Permission.REPORT_READ);
        if (actor.has(Permission.REPORT_READ_ALL)) {
            return asked;
        }
        var own = actor.departmentId().orElseThrow(() -> ForbiddenException.of("report.department",
                "Only users of a department, or with report.read.all, see reports"));
        if (asked.isPresent() && !asked.get().equals(own)) {
            throw ForbiddenException.of("report.department",
                    "Reports of other departments need report.read.all");
        }
        return Optional.of(own);
    }
}
