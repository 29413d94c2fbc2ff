package dev.rapport.core.internal.followup;

import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.followup.FollowUpPlan.Owner;
import dev.rapport.api.followup.FollowUpPlan.Step;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.core.Rapport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code rapport.follow-ups.*} keys, as a host or the reference server's config file sets them. */
class FollowUpSettingsTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static FollowUpSettings from(Map<String, String> config) {
        return FollowUpSettings.from(config, FollowUpPlan.standard(), MINUTE);
    }

    @Test
    void withoutKeysTheStandardPlanHolds() {
        var settings = from(Map.of("rapport.events.timeout", "5s"));

        assertThat(settings.plan()).isEqualTo(FollowUpPlan.standard());
        assertThat(settings.scanInterval()).isEqualTo(MINUTE);
        assertThat(settings.plan().afterClosure()).extracting(Step::after)
                .containsExactly(Period.ofDays(3), Period.ofDays(7), Period.ofDays(30));
        assertThat(settings.plan().maintenance()).isEqualTo(Map.of(MaintenanceLevel.HIGH, Period.ofMonths(3),
                MaintenanceLevel.MEDIUM, Period.ofMonths(1)));
    }

    @Test
    void everyPartOfThePlanHasAKey() {
        var settings = from(Map.ofEntries(
                Map.entry("rapport.follow-ups.satisfaction-check.after", "2d"),
                Map.entry("rapport.follow-ups.satisfaction-check.owner", "supervisor"),
                Map.entry("rapport.follow-ups.usage-guide.after", "none"),
                Map.entry("rapport.follow-ups.account-visit.owner", "ticket-handler"),
                Map.entry("rapport.follow-ups.maintenance.high", "P1M"),
                Map.entry("rapport.follow-ups.maintenance.medium", "none"),
                Map.entry("rapport.follow-ups.maintenance.low", "P1Y"),
                Map.entry("rapport.follow-ups.renewal-notice", "P2M"),
                Map.entry("rapport.follow-ups.recovery-within", "4h"),
                Map.entry("rapport.follow-ups.day-start", "08:30"),
                Map.entry("rapport.follow-ups.scan-interval", "0s")));

        var plan = settings.plan();
        assertThat(plan.afterClosure()).containsExactly(
                new Step(FollowUpKind.SATISFACTION_CHECK, Period.ofDays(2), Owner.SUPERVISOR),
                new Step(FollowUpKind.ACCOUNT_VISIT, Period.ofDays(30), Owner.TICKET_HANDLER));
        assertThat(plan.maintenance()).isEqualTo(Map.of(MaintenanceLevel.HIGH, Period.ofMonths(1),
                MaintenanceLevel.LOW, Period.ofYears(1)));
        assertThat(plan.renewalNotice()).contains(Period.ofMonths(2));
        assertThat(plan.recoveryWithin()).isEqualTo(Duration.ofHours(4));
        assertThat(plan.dayStart()).isEqualTo(LocalTime.of(8, 30));
        assertThat(settings.scanInterval()).isZero();
    }

    @Test
    void aStepTheBuilderLeftOutComesBackWithItsDays() {
        var base = FollowUpPlan.standard().withoutStep(FollowUpKind.USAGE_GUIDE).withRenewalNotice(Optional.empty());

        var plan = FollowUpSettings.from(Map.of("rapport.follow-ups.usage-guide.after", "P10D"), base, MINUTE).plan();

        assertThat(plan.step(FollowUpKind.USAGE_GUIDE))
                .contains(new Step(FollowUpKind.USAGE_GUIDE, Period.ofDays(10), Owner.TICKET_HANDLER));
        assertThat(plan.renewalNotice()).isEmpty();
    }

    @Test
    void everyMalformedOrUnknownKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> from(Map.of(
                "rapport.follow-ups.satisfaction-check.after", "soon",
                "rapport.follow-ups.account-visit.owner", "the boss",
                "rapport.follow-ups.maintenance.high", "P0D",
                "rapport.follow-ups.recovery-within", "-",
                "rapport.follow-ups.day-start", "9 o'clock",
                "rapport.follow-ups.renewal-notice", "-P1D",
                "rapport.follow-ups.holiday", "yes")))
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("satisfaction-check.after"))
                        .anySatisfy(p -> assertThat(p).contains("account-visit.owner").contains("ticket-handler"))
                        .anySatisfy(p -> assertThat(p).contains("maintenance cadence of HIGH must be positive"))
                        .anySatisfy(p -> assertThat(p).contains("recovery-within"))
                        .anySatisfy(p -> assertThat(p).contains("day-start"))
                        .anySatisfy(p -> assertThat(p).contains("renewal-notice"))
                        .anySatisfy(p -> assertThat(p).contains("unknown key(s) [holiday]"))
                        .hasSize(7));
    }

    @Test
    void aBadKeyFailsTheBuildNamingIt() {
        assertThatThrownBy(() -> Rapport.builder().config("rapport.follow-ups.day-start", "noon")
                .config("rapport.follow-ups.weekends", "off").build())
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("day-start"))
                        .anySatisfy(p -> assertThat(p).contains("weekends")));
    }

    @Test
    void anOwnerAloneCannotAddAStep() {
        var base = FollowUpPlan.standard().withoutStep(FollowUpKind.USAGE_GUIDE);

        assertThatThrownBy(() -> FollowUpSettings.from(Map.of("rapport.follow-ups.usage-guide.owner", "supervisor"),
                base, MINUTE)).isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                .containsExactly("rapport.follow-ups: usage-guide.owner needs usage-guide.after: the step is not planned"));
    }

    @Test
    void thePlanRefusesWhatCannotBePlanned() {
        assertThatThrownBy(() -> new Step(FollowUpKind.RENEWAL, Period.ofDays(3), Owner.TICKET_HANDLER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Step(FollowUpKind.USAGE_GUIDE, Period.ofDays(-1), Owner.TICKET_HANDLER))
                .isInstanceOf(IllegalArgumentException.class);
        var twice = FollowUpPlan.standard().afterClosure().getFirst();
        assertThatThrownBy(() -> new FollowUpPlan(List.of(twice, twice), Map.of(), Optional.empty(),
                Duration.ofDays(1), LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FollowUpPlan.standard().withRecoveryWithin(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
