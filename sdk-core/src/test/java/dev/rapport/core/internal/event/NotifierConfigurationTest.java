package dev.rapport.core.internal.event;

import dev.rapport.api.PageRequest;
import dev.rapport.api.event.DeadLetter;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.RecordingNotifier;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notifier instances from flat keys ({@code rapport.notifiers.<name>.*}) and the SDK's delivery keys. */
class NotifierConfigurationTest {
    private static final String SECRET = "s3cret-token-0042";

    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final ChatFactory chat = new ChatFactory();

    @Test
    void aConfiguredInstanceIsCreatedByItsFactoryWithItsOwnKeysAndGetsEveryEvent() throws Exception {
        var rapport = rapports.start(builder()
                .config("rapport.notifiers.ops.type", "test-chat")
                .config("rapport.notifiers.ops.channel", "#service-desk")
                .config("rapport.notifiers.ops.token", SECRET)
                .config("rapport.notifiers.ops.timeout", "2s")
                .config("rapport.notifiers.ops.max-attempts", "3"));
        Fixtures.customer(rapport);

        var created = chat.created.getFirst();
        created.notifier().await("the customer", received -> received.size() == 1);
        assertThat(chat.created).hasSize(1);
        assertThat(created.instance()).isEqualTo("ops");
        assertThat(created.channel()).isEqualTo("#service-desk");
        assertThat(created.timeout()).as("the SDK's keys are visible to the plugin").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everyProblemOfEveryInstanceFailsTheBuildAtOnceNamingInstanceAndKey() {
        var inCode = RecordingNotifier.accepting();
        assertThatThrownBy(() -> builder()
                .notifier("in-code", inCode)
                .config("rapport.notifiers.in-code.type", "test-chat")
                .config("rapport.notifiers.ops.type", "test-chat")
                .config("rapport.notifiers.chat.type", "test-chat")
                .config("rapport.notifiers.chat.channel", "#desk")
                .config("rapport.notifiers.chat.colour", "blue")
                .config("rapport.notifiers.pager.type", "pager")
                .config("rapport.notifiers.untyped.max-attempts", "many")
                .config("rapport.notifiers.Ops_Desk.type", "test-chat")
                .config("rapport.notifiers.listeners.type", "test-chat")
                .config("rapport.notifiers.slow.type", "test-chat")
                .config("rapport.notifiers.slow.channel", "#slow")
                .config("rapport.notifiers.slow.timeout", "0s")
                .config("rapport.events.colour", "red")
                .config("rapport.events.backoff-cap", "1s")
                .build())
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("rapport.notifiers.in-code:").contains("given in code"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("rapport.notifiers.ops: channel is required"))
                        .anySatisfy(p -> assertThat(p).startsWith("rapport.notifiers.chat: unknown key `colour`; known keys: ")
                                .contains("channel").contains("timeout"))
                        .anySatisfy(p -> assertThat(p).startsWith("rapport.notifiers.pager:").contains("'pager'")
                                .contains("test-chat"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("rapport.notifiers.untyped.type is required: the id "
                                + "of a notifier plugin"))
                        .anySatisfy(p -> assertThat(p).startsWith("rapport.notifiers.untyped: max-attempts"))
                        .anySatisfy(p -> assertThat(p).startsWith("rapport.notifiers.Ops_Desk:").contains("kebab-case"))
                        .anySatisfy(p -> assertThat(p).startsWith("rapport.notifiers.listeners:").contains("taken"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("rapport.notifiers.slow: timeout must be more than zero"))
                        .anySatisfy(p -> assertThat(p).startsWith("rapport.events: unknown key(s) [colour]"))
                        .anySatisfy(p -> assertThat(p).isEqualTo(
                                "rapport.events: backoff-cap must be at least backoff-base")));
        assertThat(chat.created).as("what was created is closed again").allMatch(c -> c.notifier().isClosed());
        assertThat(inCode.isClosed()).as("the host's own instance stays the host's").isFalse();
    }

    @Test
    void aFactoryDeclaringItsKeysHasEveryProblemOfEveryInstanceReportedBeforeItCreatesAny() {
        var paging = new PagingFactory();

        assertThatThrownBy(() -> builder().factory(paging)
                .config("rapport.notifiers.night.type", "test-paging")
                .config("rapport.notifiers.night.pth", "/pager/night")
                .config("rapport.notifiers.night.timeout", "2s")
                .config("rapport.notifiers.day.type", "test-paging")
                .config("rapport.notifiers.day.path", "/pager/day")
                .config("rapport.notifiers.day.repeat", "0")
                .config("rapport.notifiers.day.pin", "12")
                .build())
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "rapport.notifiers.day: repeat must be a whole number of at least 1, not '0'",
                        "rapport.notifiers.day: pin must be at least 4 characters",
                        "rapport.notifiers.night: unknown key `pth`; did you mean `path`?",
                        "rapport.notifiers.night: path is required (where the pager listens)"));
        assertThat(paging.created).as("no instance is created from settings that do not fit").isZero();
    }

    @Test
    void whatANotifierSaysIsKeptWithItsSecretsMasked() throws Exception {
        var rapport = rapports.start(builder()
                .config("rapport.notifiers.ops.type", "test-chat")
                .config("rapport.notifiers.ops.channel", "#desk")
                .config("rapport.notifiers.ops.token", SECRET));
        chat.answer = new Delivery.Rejected("401 for https://chat.example/hook?token=" + SECRET + "\nretry never");
        Fixtures.customer(rapport);

        Eventually.until("a dead letter", () -> !deadLetters(rapport).isEmpty());
        assertThat(deadLetters(rapport).getFirst().lastError()).hasValue(
                "rejected: 401 for https://chat.example/hook?token=**** retry never");
    }

    private RapportBuilder builder() {
        return Fixtures.builder(TestDatabase.H2.fresh(), clock).factory(chat);
    }

    private static List<DeadLetter> deadLetters(Rapport rapport) {
        return rapport.deadLetters().list(Actor.system(), Optional.empty(), PageRequest.first()).items();
    }

    /** What the factory saw when it created one instance. */
    private record Created(String instance, String channel, Duration timeout, RecordingNotifier notifier) {
    }

    /** A pager notifier plugin that declares its keys. */
    private static final class PagingFactory implements NotifierFactory {
        private int created;

        @Override
        public String id() {
            return "test-paging";
        }

        @Override
        public List<ConfigKey> keys() {
            return List.of(ConfigKey.required("path", ConfigKey.Type.STRING, "where the pager listens"),
                    ConfigKey.optional("repeat", ConfigKey.Type.POSITIVE_INTEGER, "1", "how often a page repeats"),
                    ConfigKey.optional("pin", ConfigKey.Type.STRING, "the pager's PIN").asSecret().withMinLength(4));
        }

        @Override
        public Notifier create(PluginContext context) {
            created++;
            return RecordingNotifier.answering(n -> Delivery.delivered());
        }
    }

    /** A chat notifier plugin: needs a channel, may have a secret token. */
    private static final class ChatFactory implements NotifierFactory {
        private final List<Created> created = new CopyOnWriteArrayList<>();
        private volatile Delivery answer = Delivery.delivered();

        @Override
        public String id() {
            return "test-chat";
        }

        @Override
        public Set<String> secretKeys() {
            return Set.of("token");
        }

        @Override
        public Notifier create(PluginContext context) {
            var config = context.config();
            String channel = config.string("channel");
            config.optionalString("token");
            var timeout = config.duration("timeout", Duration.ofSeconds(5));
            var notifier = RecordingNotifier.answering(n -> answer);
            created.add(new Created(context.instanceName(), channel, timeout, notifier));
            return notifier;
        }
    }
}
