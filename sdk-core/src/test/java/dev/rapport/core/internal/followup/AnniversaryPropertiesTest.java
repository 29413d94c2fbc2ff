package dev.rapport.core.internal.followup;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

/** Maintenance contacts fall on the cooperation's anniversaries: the first one of today or later, never skipped. */
class AnniversaryPropertiesTest {
    @Property
    void theNextAnniversaryIsTheFirstOneNotBeforeToday(@ForAll("days") LocalDate anchor, @ForAll("days") LocalDate today,
                                                       @ForAll("cadences") Period cadence) {
        var next = FollowUpPlanner.nextAnniversary(anchor, cadence, today);

        int n = 1;
        while (anchor.plus(cadence.multipliedBy(n)).isBefore(today)) {
            n++;
        }
        assertThat(next).isEqualTo(anchor.plus(cadence.multipliedBy(n)));
    }

    @Test
    void monthEndsStayAtTheEndOfShorterMonthsWithoutDrifting() {
        var anchor = LocalDate.of(2026, 1, 31);

        assertThat(FollowUpPlanner.nextAnniversary(anchor, Period.ofMonths(1), LocalDate.of(2026, 2, 2)))
                .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(FollowUpPlanner.nextAnniversary(anchor, Period.ofMonths(1), LocalDate.of(2026, 3, 1)))
                .isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void cadencesReadAsPeopleSayThem() {
        assertThat(FollowUpPlanner.every(Period.ofMonths(3))).isEqualTo("every quarter");
        assertThat(FollowUpPlanner.every(Period.ofMonths(1))).isEqualTo("every month");
        assertThat(FollowUpPlanner.every(Period.ofMonths(6))).isEqualTo("every 6 months");
        assertThat(FollowUpPlanner.every(Period.ofYears(1))).isEqualTo("every year");
        assertThat(FollowUpPlanner.every(Period.ofDays(10))).isEqualTo("every P10D");
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(0, 20 * 366).map(d -> LocalDate.of(2010, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<Period> cadences() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 24).map(Period::ofMonths),
                Arbitraries.integers().between(1, 400).map(Period::ofDays),
                Arbitraries.integers().between(1, 3).map(Period::ofYears));
    }
}
