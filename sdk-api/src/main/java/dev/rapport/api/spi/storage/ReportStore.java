package dev.rapport.api.spi.storage;

import dev.rapport.api.report.Grouping;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.TicketId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw aggregates reports are computed from, counted by the database so that a month of a large service is a few
 * scans rather than a few million rows in memory. Every window is {@code [from, to)}.
 */
public interface ReportStore {
    /**
     * Remembers how long a ticket waited for its first customer-visible response, in business time of its SLA
     * calendar; the SDK writes it in the transaction that records that response.
     */
    void recordFirstResponseTime(TicketId ticket, Duration businessTime);

    /**
     * The ticket aggregates of the window: one entry with an empty group for all tickets in scope, and with a
     * grouping one entry more per group that has any figure.
     *
     * @param department only this department's tickets
     */
    List<TicketTotals> tickets(Instant from, Instant to, Optional<DepartmentId> department,
                               Optional<Grouping> groupBy);

    /**
     * The survey answers received in the window, by the grouping of their tickets: one entry with an empty group for
     * all answers in scope, and with a grouping one entry more per group that has answers.
     *
     * @param department only answers about this department's tickets
     */
    List<SurveyTotals> surveys(Instant from, Instant to, Optional<DepartmentId> department,
                               Optional<Grouping> groupBy);

    /**
     * The customer aggregates of the window.
     *
     * @param fromDay the first day of the window in the SDK's zone, for purchases, which are dated
     * @param toDay   the day after the window
     */
    CustomerTotals customers(Instant from, Instant to, LocalDate fromDay, LocalDate toDay);

    /**
     * The improvements of the window: those created before its end and not verified, and the verification scores
     * recorded in it.
     *
     * @param department only this department's improvements
     */
    ImprovementTotals improvements(Instant from, Instant to, Optional<DepartmentId> department);

    /**
     * Ticket figures of one group.
     *
     * @param group               the group's key (department id, type code, priority, assignee id or
     *                            {@code unassigned}); empty for all tickets in scope
     * @param opened              tickets opened in the window, per type code and per intake channel
     * @param firstResponses      tickets first responded to in the window
     * @param withinTarget        of those, responded to by their first-response deadline
     * @param median              the median business-time wait of those responses that have one recorded
     * @param p90                 their 90th percentile, interpolated
     * @param resolved            per priority, tickets resolved in the window
     * @param resolvedWithin72h   of all resolved, those resolved at most 72 hours after being opened
     * @param slaMet              per priority, resolved tickets that met both their first-response and resolution
     *                            deadline
     * @param judged              tickets whose resolution a customer judged in the window
     * @param reopened            of those, tickets with a NEEDS_ADJUSTMENT or UNSATISFIED judgement in the window
     */
    record TicketTotals(Optional<String> group, Map<String, Long> openedByType,
                        Map<IntakeChannel, Long> openedByChannel, long firstResponses, long withinTarget,
                        Optional<Duration> median, Optional<Duration> p90, Map<Priority, Long> resolved,
                        long resolvedWithin72h, Map<Priority, Long> slaMet, long judged, long reopened) {
        public TicketTotals {
            Objects.requireNonNull(group, "group");
            openedByType = Map.copyOf(openedByType);
            openedByChannel = Map.copyOf(openedByChannel);
            Objects.requireNonNull(median, "median");
            Objects.requireNonNull(p90, "p90");
            resolved = Map.copyOf(resolved);
            slaMet = Map.copyOf(slaMet);
        }

        /** No ticket figures for {@code group}. */
        public static TicketTotals none(Optional<String> group) {
            return new TicketTotals(group, Map.of(), Map.of(), 0, 0, Optional.empty(), Optional.empty(), Map.of(), 0,
                    Map.of(), 0, 0);
        }
    }

    /**
     * Survey figures of one group: sums, so that averages stay exact.
     *
     * @param group       as in {@link TicketTotals}
     * @param answers     surveys answered in the window
     * @param overallFive answers with an overall score of 5
     * @param promoters   answers recommending with 9 or 10
     * @param detractors  answers recommending with 0 to 6
     */
    record SurveyTotals(Optional<String> group, long answers, long responseSpeed, long resolution, long attitude,
                        long overall, long overallFive, long promoters, long detractors) {
        public SurveyTotals {
            Objects.requireNonNull(group, "group");
        }

        /** No answers for {@code group}. */
        public static SurveyTotals none(Optional<String> group) {
            return new SurveyTotals(group, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * Improvement figures of a window.
     *
     * @param open          improvements created before the window's end whose state is not VERIFIED
     * @param verifications verification scores recorded in the window
     * @param scoreSum      their sum
     */
    record ImprovementTotals(long open, long verifications, long scoreSum) {
    }

    /**
     * Customer figures of a window.
     *
     * @param returning      customers (not merged into another) with a purchase dated before the window
     * @param returningAgain of those, customers with a purchase dated in the window
     * @param created        customers first recorded in the window, not merged into another
     * @param referred       of those, customers whose source is REFERRAL
     */
    record CustomerTotals(long returning, long returningAgain, long created, long referred) {
    }
}
