package dev.rapport.notifier.log;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.Recipient;
import dev.rapport.testkit.LogCapture;
import dev.rapport.testkit.SampleNotifications;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogNotifierTest {
    private final LogNotifierFactory factory = new LogNotifierFactory();

    @Test
    void writesOneLineNamingTheEventItsSubjectTheAttemptAndTheRecipientsIds() {
        try (var log = LogCapture.start(); Notifier notifier = create(Map.of())) {
            var delivery = notifier.deliver(SampleNotifications.ticketCreated());

            assertThat(delivery).isEqualTo(Delivery.delivered());
            assertThat(log.linesOf("dev.rapport.notifications")).containsExactly("INFO dev.rapport.notifications: "
                    + "notification n-0001: TicketCreated of t-0001, attempt 1, for [u-agent-li, u-supervisor-sam]");
        }
    }

    @Test
    void neverWritesNamesOrAddresses() {
        try (var log = LogCapture.start(); Notifier notifier = create(Map.of())) {
            SampleNotifications.all().forEach(notifier::deliver);

            var recipients = SampleNotifications.all().stream().map(Notification::recipients)
                    .flatMap(java.util.List::stream).distinct().toList();
            assertThat(log.linesOf("dev.rapport.notifications")).hasSize(SampleNotifications.all().size())
                    .allSatisfy(line -> {
                        for (Recipient recipient : recipients) {
                            assertThat(line).doesNotContain(recipient.name());
                            recipient.email().ifPresent(email -> assertThat(line).doesNotContain(email));
                        }
                    });
        }
    }

    @Test
    void theLevelAndTheLoggerAreConfigurable() {
        try (var log = LogCapture.start(); Notifier notifier = create(Map.of("level", "debug", "logger", "ops.audit"))) {
            notifier.deliver(SampleNotifications.slaBreach());

            assertThat(log.records()).filteredOn(r -> r.getLoggerName().equals("ops.audit")).singleElement()
                    .satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.FINE));
        }
    }

    @Test
    void aLevelThatIsNoLevelIsRefusedByName() {
        assertThatThrownBy(() -> create(Map.of("level", "loud"))).isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("level").hasMessageContaining("LOUD").hasMessageContaining("WARNING");
    }

    private Notifier create(Map<String, String> settings) {
        return TestPluginContext.of(factory, settings).create(factory);
    }
}
