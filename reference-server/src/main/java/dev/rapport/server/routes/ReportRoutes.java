package dev.rapport.server.routes;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.report.FirstResponse;
import dev.rapport.api.report.Grouping;
import dev.rapport.api.report.KpiReport;
import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.MonthlyReview;
import dev.rapport.api.report.Rate;
import dev.rapport.api.report.ReportPeriod;
import dev.rapport.api.report.ReportQuery;
import dev.rapport.api.report.Reports;
import dev.rapport.api.report.SurveyFigures;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.server.http.Csv;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code /api/v1/reports}: {@code GET /kpis?from=&to=&departmentId=&groupBy=} and {@code GET /monthly?month=&departmentId=},
 * as JSON or, with {@code Accept: text/csv}, as CSV. Without dates the current month so far; without a month the
 * current one: both as the SDK counts them, in its business zone.
 */
public final class ReportRoutes implements HttpService {
    private final Reports reports;
    private final Exchange http;

    public ReportRoutes(Reports reports, Exchange http) {
        this.reports = reports;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/kpis", this::kpis)
                .get("/monthly", this::monthly);
    }

    private void kpis(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var query = query(req);
        var report = reports.kpis(actor, query);
        if (Csv.wanted(req)) {
            var rows = new ArrayList<List<String>>();
            report.overall().figures().forEach(f -> rows.add(List.of("all", f.name(), Csv.number(f.value()))));
            report.groups().forEach(g -> g.kpis().figures()
                    .forEach(f -> rows.add(List.of(g.key(), f.name(), Csv.number(f.value())))));
            Csv.send(res, "kpis-" + query.period().from() + "-" + query.period().to() + ".csv",
                    List.of("group", "figure", "value"), rows);
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("from", query.period().from().toString());
        body.put("to", query.period().to().toString());
        body.put("departmentId", report.query().department().map(DepartmentId::value).orElse(null));
        body.putAll(kpis(report.overall()));
        report.query().groupBy().ifPresent(grouping -> {
            body.put("groupBy", grouping.name().toLowerCase(Locale.ROOT));
            body.put("groups", report.groups().stream().map(g -> {
                var group = new LinkedHashMap<String, Object>();
                group.put("key", g.key());
                group.putAll(kpis(g.kpis()));
                return group;
            }).toList());
        });
        http.ok(res, body);
    }

    private void monthly(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var month = http.queryMonth(req, "month").orElseGet(reports::currentMonth);
        var review = reports.monthly(actor, month, department(req));
        if (Csv.wanted(req)) {
            var weak = review.weakPoints().stream().map(MonthlyReview.WeakPoint::figure).toList();
            var rows = review.changes().stream().map(c -> List.of(c.figure(), Csv.number(c.current()),
                    Csv.number(c.previous()), Csv.number(c.delta()), weak.contains(c.figure()) ? "yes" : "")).toList();
            Csv.send(res, "monthly-review-" + month + ".csv",
                    List.of("figure", "current", "previous", "delta", "weakPoint"), rows);
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("month", month.toString());
        body.put("departmentId", review.department().map(DepartmentId::value).orElse(null));
        body.putAll(kpis(review.kpis()));
        body.put("previousMonth", kpis(review.previousMonth()));
        var deltas = new LinkedHashMap<String, Object>();
        review.changes().forEach(c -> deltas.put(c.figure(), c.delta().orElse(null)));
        body.put("deltas", deltas);
        body.put("weakPoints", review.weakPoints().stream().map(w -> {
            var point = new LinkedHashMap<String, Object>();
            point.put("figure", w.figure());
            point.put("value", w.value());
            point.put("threshold", w.threshold());
            point.put("reason", w.reason().name());
            return point;
        }).toList());
        http.ok(res, body);
    }

    private ReportQuery query(ServerRequest req) {
        var from = http.queryDate(req, "from");
        var to = http.queryDate(req, "to");
        var period = from.isPresent() && to.isPresent() ? new ReportPeriod(from.get(), to.get())
                : defaultPeriod(from, to);
        var groupBy = http.query(req, "groupBy").map(v -> Stream.of(Grouping.values())
                .filter(g -> g.name().equalsIgnoreCase(v)).findFirst()
                .orElseThrow(() -> new ValidationException(FieldError.of("groupBy",
                        "must be one of department, type, priority, agent"))));
        return new ReportQuery(period, department(req), groupBy);
    }

    /** The ends the request leaves out taken from the business month so far, which the SDK counts. */
    private ReportPeriod defaultPeriod(Optional<LocalDate> from, Optional<LocalDate> to) {
        var monthToDate = reports.monthToDate();
        return new ReportPeriod(from.orElse(monthToDate.from()), to.orElse(monthToDate.to()));
    }

    private Optional<DepartmentId> department(ServerRequest req) {
        return http.query(req, "departmentId").filter(v -> !v.isBlank()).map(DepartmentId::of);
    }

    /** The KPI fields of API.md: rates as numbers between 0 and 1, durations as ISO-8601, null when unmeasured. */
    private static Map<String, Object> kpis(Kpis kpis) {
        var body = new LinkedHashMap<String, Object>();
        body.put("ticketsOpened", kpis.ticketsOpened());
        body.put("firstResponse", firstResponse(kpis.firstResponse()));
        body.put("resolvedWithin72hRate", rate(kpis.resolvedWithin72h()));
        var compliance = new LinkedHashMap<String, Object>();
        kpis.slaCompliance().forEach((priority, rate) -> compliance.put(priority.name(), rate(rate)));
        body.put("slaCompliance", compliance);
        body.put("survey", survey(kpis.survey()));
        body.put("complaintRate", rate(kpis.complaints()));
        body.put("reopenRate", rate(kpis.reopened()));
        body.put("volumeByType", kpis.volumeByType());
        body.put("volumeByStage", kpis.volumeByStage());
        body.put("volumeByChannel", kpis.volumeByChannel());
        body.put("repeatPurchaseRate", rate(kpis.repeatPurchase()));
        body.put("referralShare", rate(kpis.referral()));
        var improvements = new LinkedHashMap<String, Object>();
        improvements.put("open", kpis.improvements().open());
        improvements.put("verifications", kpis.improvements().verifications());
        improvements.put("averageVerificationScore", kpis.improvements().averageScore().orElse(null));
        body.put("improvements", improvements);
        return body;
    }

    private static Map<String, Object> firstResponse(FirstResponse firstResponse) {
        var body = new LinkedHashMap<String, Object>();
        body.put("median", firstResponse.median().map(Duration::toString).orElse(null));
        body.put("p90", firstResponse.p90().map(Duration::toString).orElse(null));
        body.put("withinTargetRate", rate(firstResponse.withinTarget()));
        return body;
    }

    private static Map<String, Object> survey(SurveyFigures survey) {
        var body = new LinkedHashMap<String, Object>();
        body.put("answers", survey.answers());
        body.put("responseSpeed", survey.responseSpeed().orElse(null));
        body.put("resolution", survey.resolution().orElse(null));
        body.put("attitude", survey.attitude().orElse(null));
        body.put("overall", survey.overall().orElse(null));
        body.put("verySatisfiedRate", rate(survey.verySatisfied()));
        body.put("nps", survey.nps().orElse(null));
        return body;
    }

    private static Double rate(Rate rate) {
        return rate.value().orElse(null);
    }
}
