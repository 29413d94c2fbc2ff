package dev.rapport.core.internal.sla;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.SlaPolicy;
import dev.rapport.api.sla.SlaTargets;
import dev.rapport.api.sla.WorkingHours;
import dev.rapport.api.ticket.Priority;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §5: policies and calendars are edited by admins, audited, and apply to tickets opened afterwards. */
class SlaSettingsTest {
    private static final Instant MONDAY_10_SHANGHAI = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = MutableClock.at(MONDAY_10_SHANGHAI);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;

    /** Weekend support in Shanghai: Saturday and Sunday 10:00–16:00 only. */
    private static final BusinessCalendar WEEKENDS = new BusinessCalendar("weekend-desk", "Weekend desk",
            ZoneId.of("Asia/Shanghai"), Map.of(DayOfWeek.SATURDAY, List.of(WorkingHours.of("10:00", "16:00")),
            DayOfWeek.SUNDAY, List.of(WorkingHours.of("10:00", "16:00"))), Set.of(), Map.of());

    private static SlaPolicy withP3(SlaTargets p3) {
        var targets = new EnumMap<>(SlaPolicy.defaults().targets());
        targets.put(Priority.P3, p3);
        return new SlaPolicy(targets);
    }

    @StorageTest
    void theDefaultsAreSpecSection5(TestDatabase db) {
        rapport = rapports.start(db);
        var policy = rapport.slaSettings().policy(Actor.system());

        assertThat(policy).isEqualTo(SlaPolicy.defaults());
        assertThat(policy.of(Priority.P1)).isEqualTo(new SlaTargets(Duration.ofMinutes(30), Duration.ofHours(24),
                Duration.ofHours(2), "24x7"));
        assertThat(policy.of(Priority.P2)).isEqualTo(new SlaTargets(Duration.ofHours(24), Duration.ofHours(90),
                Duration.ofHours(24), "business-hours"));
        assertThat(policy.of(Priority.P3)).isEqualTo(new SlaTargets(Duration.ofHours(2), Duration.ofHours(48),
                Duration.ofHours(24), "business-hours"));
        assertThat(policy.of(Priority.P4)).isEqualTo(new SlaTargets(Duration.ofHours(48), Duration.ofHours(72),
                Duration.ofHours(24), "business-hours"));
        assertThat(rapport.slaSettings().calendars(Actor.system()))
                .containsExactly(BusinessCalendar.alwaysOpen(), BusinessCalendar.standard());
    }

    @StorageTest
    void aChangedPolicyAppliesToNewTicketsAndIsAudited(TestDatabase db) {
        rapport = rapports.start(db);
        var customer = customer(rapport);
        var before = rapport.tickets().open(Actor.system(), aTicket(customer.id()).urgent(true).important(false).build());
        var all = new ArrayList<>(rapport.slaSettings().calendars(Actor.system()));
        all.add(WEEKENDS);
        rapport.slaSettings().updateCalendars(Actor.system(), all);

        rapport.slaSettings().updatePolicy(Actor.system(), withP3(new SlaTargets(Duration.ofMinutes(90),
                Duration.ofHours(12), Duration.ofHours(6), "weekend-desk")));
        var after = rapport.tickets().open(Actor.system(), aTicket(customer.id()).urgent(true).important(false).build());

        // Monday 10:00: 90 working minutes of the weekend desk fall on Saturday 10:00–11:30.
        assertThat(after.sla().firstResponseDue()).isEqualTo(Instant.parse("2026-11-28T03:30:00Z"));
        assertThat(after.sla().calendarId()).isEqualTo("weekend-desk");
        assertThat(rapport.tickets().get(Actor.system(), before.id()).ticket().sla().firstResponseDue())
                .isEqualTo(MONDAY_10_SHANGHAI.plus(Duration.ofHours(2)));
    }

    @StorageTest
    void invalidPoliciesNameEachFieldAndChangeNothing(TestDatabase db) {
        rapport = rapports.start(db);

        assertThatThrownBy(() -> rapport.slaSettings().updatePolicy(Actor.system(), withP3(new SlaTargets(
                Duration.ZERO, Duration.ofHours(-1), Duration.ofHours(6), "nowhere"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("targets.P3.firstResponse",
                                "targets.P3.resolution", "targets.P3.calendarId"));
        assertThat(rapport.slaSettings().policy(Actor.system())).isEqualTo(SlaPolicy.defaults());
    }

    @StorageTest
    void calendarsAreNeverRemovedAndOnlyAdminsChangeThem(TestDatabase db) {
        rapport = rapports.start(db);
        var supervisor = actor(rapport, Role.SUPERVISOR, "customer-service");

        assertThatThrownBy(() -> rapport.slaSettings().updateCalendars(supervisor, List.of(WEEKENDS)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rapport.slaSettings().updateCalendars(Actor.system(), List.of(WEEKENDS)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).anyMatch(m -> m.contains("business-hours")));
        assertThatThrownBy(() -> rapport.slaSettings().updatePolicy(supervisor, SlaPolicy.defaults()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(rapport.slaSettings().calendars(supervisor)).hasSize(2);
    }
}
