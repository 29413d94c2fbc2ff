package dev.rapport.api.report;

import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.Priority;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The key figures of customer service over a period (SPEC §7); {@code docs/kpis.md} defines each one.
 *
 * @param ticketsOpened     tickets opened in the period
 * @param firstResponse     first responses given in the period
 * @param resolvedWithin72h tickets resolved in the period within 72 hours (wall-clock) of being opened, out of all
 *                          resolved in the period
 * @param slaCompliance     per priority: tickets resolved in the period that met both their first-response and their
 *                          resolution deadline, out of all resolved in the period; every priority is present
 * @param survey            the survey answers received in the period
 * @param complaints        tickets opened in the period of type {@code COMPLAINT}, out of all opened
 * @param reopened          tickets whose resolution a customer judged in the period and that were reopened
 *                          (NEEDS_ADJUSTMENT or UNSATISFIED), out of all judged
 * @param volumeByType      tickets opened in the period per type code
 * @param volumeByStage     per customer life-cycle stage of their type; every stage is present
 * @param volumeByChannel   per intake channel; every channel is present
 * @param repeatPurchase    customers who had bought before the period and bought again in it, out of all who had
 *                          bought before it (service-wide: empty in groups)
 * @param referral          customers first recorded in the period whose source is a referral, out of all first
 *                          recorded in it (service-wide: empty in groups)
 * @param improvements      the improvements open at the period's end and the verifications recorded in it (of the
 *                          report's department, or service-wide; empty in groups)
 */
public record Kpis(long ticketsOpened, FirstResponse firstResponse, Rate resolvedWithin72h,
                   Map<Priority, Rate> slaCompliance, SurveyFigures survey, Rate complaints, Rate reopened, Map<String, Long> volumeByType,
                   Map<LifecycleStage, Long> volumeByStage, Map<IntakeChannel, Long> volumeByChannel,
                   Rate repeatPurchase, Rate referral, ImprovementFigures improvements) {
    public Kpis {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolvedWithin72h, "resolvedWithin72h");
        slaCompliance = complete(Priority.class, slaCompliance, Rate.NONE);
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(reopened, "reopened");
        volumeByType = Collections.unmodifiableMap(new TreeMap<>(volumeByType));
        volumeByStage = complete(LifecycleStage.class, volumeByStage, 0L);
        volumeByChannel = complete(IntakeChannel.class, volumeByChannel, 0L);
        Objects.requireNonNull(repeatPurchase, "repeatPurchase");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(improvements, "improvements");
    }

    /**
     * Every figure as a number under a stable dotted name, in a stable order: durations in seconds, rates between 0
     * and 1, counts. Empty where there was nothing to measure. This is what CSV exports and month-over-month changes
     * are made of.
     */
    public List<Figure> figures() {
        var figures = new ArrayList<Figure>();
        figures.add(Figure.count("ticketsOpened", ticketsOpened));
        figures.add(new Figure("firstResponse.medianSeconds", firstResponse.median().map(d -> (double) d.toSeconds())));
        figures.add(new Figure("firstResponse.p90Seconds", firstResponse.p90().map(d -> (double) d.toSeconds())));
        figures.add(Figure.rate("firstResponse.withinTargetRate", firstResponse.withinTarget()));
        figures.add(Figure.rate("resolvedWithin72hRate", resolvedWithin72h));
        slaCompliance.forEach((priority, rate) -> figures.add(Figure.rate("slaCompliance." + priority, rate)));
        figures.add(Figure.count("survey.answers", survey.answers()));
        figures.add(new Figure("survey.responseSpeed", survey.responseSpeed()));
        figures.add(new Figure("survey.resolution", survey.resolution()));
        figures.add(new Figure("survey.attitude", survey.attitude()));
        figures.add(new Figure("survey.overall", survey.overall()));
        figures.add(Figure.rate("survey.verySatisfiedRate", survey.verySatisfied()));
        figures.add(new Figure("survey.nps", survey.nps()));
        figures.add(Figure.rate("complaintRate", complaints));
        figures.add(Figure.rate("reopenRate", reopened));
        volumeByType.forEach((type, count) -> figures.add(Figure.count("volumeByType." + type, count)));
        volumeByStage.forEach((stage, count) -> figures.add(Figure.count("volumeByStage." + stage, count)));
        volumeByChannel.forEach((channel, count) -> figures.add(Figure.count("volumeByChannel." + channel, count)));
        figures.add(Figure.rate("repeatPurchaseRate", repeatPurchase));
        figures.add(Figure.rate("referralShare", referral));
        figures.add(Figure.count("improvements.open", improvements.open()));
        figures.add(Figure.count("improvements.verifications", improvements.verifications()));
        figures.add(new Figure("improvements.averageVerificationScore", improvements.averageScore()));
        return List.copyOf(figures);
    }

    /** One figure of a report: a name such as {@code slaCompliance.P1} and its value, if there was anything to measure. */
    public record Figure(String name, Optional<Double> value) {
        public Figure {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        static Figure count(String name, long count) {
            return new Figure(name, Optional.of((double) count));
        }

        static Figure rate(String name, Rate rate) {
            return new Figure(name, rate.value());
        }
    }

    private static <K extends Enum<K>, V> Map<K, V> complete(Class<K> keys, Map<K, V> values, V absent) {
        var all = new EnumMap<K, V>(keys);
        for (K key : keys.getEnumConstants()) {
            all.put(key, values.getOrDefault(key, absent));
        }
        return Collections.unmodifiableMap(all);
    }
}
