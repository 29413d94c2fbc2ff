package dev.rapport.core.internal.improvement;

import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.event.ImprovementSuggested;
import dev.rapport.api.improvement.DismissSuggestion;
import dev.rapport.api.improvement.ImprovementSuggestion;
import dev.rapport.api.improvement.NewImprovement;
import dev.rapport.api.improvement.RootCause;
import dev.rapport.api.improvement.SuggestionState;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.ticket.TagTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §6: three distinct customers raising tickets of one type and tag within 30 days suggest an improvement. */
class SuggestionRuleTest {
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final DepartmentId AFTER_SALES = DepartmentId.of("after-sales");

    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();
    private Rapport rapport;
    private User supervisor;
    private Customer anna;
    private Customer bo;
    private Customer chen;
    private Customer dana;

    private void start(RapportBuilder builder) {
        rapport = rapports.start(builder.listener(heard));
        supervisor = user(rapport, Role.SUPERVISOR, "after-sales");
        user(rapport, Role.SUPERVISOR, "finance");
        anna = customer(rapport);
        bo = customer(rapport);
        chen = customer(rapport);
        dana = customer(rapport);
    }

    private void start(TestDatabase db) {
        start(rapports.builder(db));
    }

    @StorageTest
    void twoCustomersSuggestNothingAndAThirdWithinThirtyDaysSuggestsOnceToTheTypesSupervisors(TestDatabase db)
            throws InterruptedException {
        start(db);
        var first = open(anna, "COMPLAINT", "invoice");
        clock.advance(Duration.ofDays(12));
        var second = open(bo, "COMPLAINT", "Invoice", "vat");
        assertThat(suggestions()).isEmpty();

        clock.advance(Duration.ofDays(17));
        var third = open(chen, "COMPLAINT", " INVOICE ");

        var suggestion = single(suggestions());
        assertThat(suggestion.ticketType()).isEqualTo("COMPLAINT");
        assertThat(suggestion.tag()).isEqualTo("INVOICE");
        assertThat(suggestion.departmentId()).isEqualTo(AFTER_SALES);
        assertThat(suggestion.state()).isEqualTo(SuggestionState.OPEN);
        assertThat(suggestion.customerIds()).containsExactly(anna.id(), bo.id(), chen.id());
        assertThat(suggestion.ticketIds()).containsExactly(first.id(), second.id(), third.id());
        assertThat(suggestion.follows()).isEmpty();
        var event = heard.await(ImprovementSuggested.class, 1).getFirst();
        assertThat(event.suggestionId()).isEqualTo(suggestion.id());
        assertThat(event.customerIds()).containsExactly(anna.id(), bo.id(), chen.id());
        assertThat(event.ticketIds()).containsExactly(first.id(), second.id(), third.id());
        assertThat(event.departmentId()).isEqualTo(AFTER_SALES);
        assertThat(event.recipients()).containsExactly(supervisor.id());
    }

    @StorageTest
    void aFourthTicketOfTheClusterJoinsTheSuggestionWithoutSuggestingAgain(TestDatabase db) {
        start(db);
        clusterOfThree("invoice");

        var fourth = open(dana, "COMPLAINT", "invoice");
        var fifth = open(anna, "COMPLAINT", "Invoice");

        var suggestion = single(suggestions());
        assertThat(suggestion.ticketIds()).hasSize(5).endsWith(fourth.id(), fifth.id());
        assertThat(suggestion.customerIds()).containsExactly(anna.id(), bo.id(), chen.id(), dana.id());
        assertThat(suggestion.lastTicketAt()).isEqualTo(fifth.createdAt());
        assertThat(suggestionAudits(suggestion)).containsExactly("improvement.suggested");
    }

    @StorageTest
    void ticketsOutsideTheWindowOfAnotherTypeOrOfAnotherTagDoNotCount(TestDatabase db) {
        start(db);
        open(anna, "COMPLAINT", "invoice");
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        var bos = open(bo, "COMPLAINT", "invoice");
        open(chen, "CONSULTATION", "invoice");
        open(chen, "COMPLAINT", "invoices");
        open(dana, "COMPLAINT");
        assertThat(suggestions()).isEmpty();

        var chens = open(chen, "COMPLAINT", "invoice");
        assertThat(suggestions()).isEmpty();
        var danas = open(dana, "COMPLAINT", "invoice");

        assertThat(single(suggestions()).ticketIds()).containsExactly(bos.id(), chens.id(), danas.id());
    }

    @StorageTest
    void theSameCustomerTwiceCountsOnce(TestDatabase db) {
        start(db);
        var annas = open(anna, "COMPLAINT", "invoice");
        var annasAgain = open(anna, "COMPLAINT", "invoice");
        var bos = open(bo, "COMPLAINT", "invoice");
        assertThat(suggestions()).isEmpty();

        var chens = open(chen, "COMPLAINT", "invoice");

        var suggestion = single(suggestions());
        assertThat(suggestion.customerIds()).containsExactly(anna.id(), bo.id(), chen.id());
        assertThat(suggestion.ticketIds()).containsExactly(annas.id(), annasAgain.id(), bos.id(), chens.id());
    }

    @StorageTest
    void aTagGainedLaterCompletesAClusterAndTheGainingTicketIsPartOfIt(TestDatabase db) {
        start(db);
        open(anna, "COMPLAINT", "invoice");
        open(bo, "COMPLAINT", "invoice");
        var chens = open(chen, "COMPLAINT", "delivery");
        clock.advance(Duration.ofHours(2));

        var retagged = rapport.tickets().tag(Actor.system(), chens.id(), new TagTicket(chens.version(),
                List.of("delivery", "Invoice")));

        var suggestion = single(suggestions());
        assertThat(suggestion.ticketIds()).hasSize(3).endsWith(chens.id());
        assertThat(suggestion.tag()).isEqualTo("Invoice");
        assertThat(retagged.tags()).containsExactly("delivery", "Invoice");
        var unchanged = rapport.tickets().tag(Actor.system(), chens.id(), new TagTicket(retagged.version(),
                List.of("INVOICE")));
        assertThat(unchanged.tags()).containsExactly("INVOICE");
        assertThat(suggestions()).hasSize(1);
    }

    @StorageTest
    void afterADismissalOnlyTicketsRaisedSinceCountTowardsTheNextSuggestion(TestDatabase db) {
        start(db);
        var earlier = clusterOfThree("invoice");
        clock.advance(Duration.ofHours(1));
        rapport.improvements().dismiss(Actor.of(supervisor), earlier.id(), new DismissSuggestion("One bad batch"));

        open(anna, "COMPLAINT", "invoice");
        open(bo, "COMPLAINT", "invoice");
        assertThat(suggestions()).hasSize(1);
        var danas = open(dana, "COMPLAINT", "invoice");

        var all = suggestions();
        assertThat(all).hasSize(2);
        var next = all.getFirst();
        assertThat(next.follows()).contains(earlier.id());
        assertThat(next.customerIds()).containsExactly(anna.id(), bo.id(), dana.id());
        assertThat(next.ticketIds()).endsWith(danas.id()).hasSize(3);
        assertThat(all.getLast().state()).isEqualTo(SuggestionState.DISMISSED);
        assertThat(all.getLast().dismissReason()).contains("One bad batch");
    }

    @StorageTest
    void anAdoptedSuggestionLinksItsTicketsAndCustomersAndIsSettledOnce(TestDatabase db) {
        start(db);
        var suggestion = clusterOfThree("invoice");
        var manager = Actor.of(supervisor);
        var improvement = NewImprovement.builder().problem("Wrong VAT on invoices").rootCause(RootCause.PROCESS_GAP)
                .measures("Fix the VAT table").department(AFTER_SALES).owner(supervisor.id())
                .customer(dana.id()).fromSuggestion(suggestion.id()).build();

        var adopted = rapport.improvements().create(manager, improvement);

        assertThat(adopted.suggestionId()).contains(suggestion.id());
        assertThat(adopted.ticketIds()).containsExactlyElementsOf(suggestion.ticketIds());
        assertThat(adopted.customerIds()).containsExactly(dana.id(), anna.id(), bo.id(), chen.id());
        var settled = rapport.improvements().suggestion(manager, suggestion.id());
        assertThat(settled.state()).isEqualTo(SuggestionState.ADOPTED);
        assertThat(settled.improvementId()).contains(adopted.id());
        assertThat(settled.settledBy()).contains(supervisor.id());
        assertThatThrownBy(() -> rapport.improvements().create(manager, improvement))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("improvement.suggestion.settled"));
        assertThatThrownBy(() -> rapport.improvements().dismiss(manager, suggestion.id(), new DismissSuggestion("x")))
                .isInstanceOf(ConflictException.class);
        assertThat(suggestionAudits(suggestion)).containsExactly("improvement.suggested",
                "improvement.suggestion.adopted");
    }

    @StorageTest
    void aSuggestionWhoseTicketsAreOlderThanTheWindowLapsesAndANewClusterIsSuggestedAgain(TestDatabase db) {
        start(db);
        var lapsed = clusterOfThree("invoice");
        clock.advance(Duration.ofDays(31));

        var late = open(dana, "COMPLAINT", "invoice");
        assertThat(suggestions()).hasSize(1);
        open(anna, "COMPLAINT", "invoice");
        open(bo, "COMPLAINT", "invoice");

        var all = suggestions();
        assertThat(all).hasSize(2);
        assertThat(all.getFirst().follows()).contains(lapsed.id());
        assertThat(all.getFirst().ticketIds()).startsWith(late.id());
        assertThat(all.getLast().state()).as("a lapsed suggestion waits to be adopted or dismissed")
                .isEqualTo(SuggestionState.OPEN);
        assertThat(all.getLast().ticketIds()).doesNotContain(late.id());
    }

    @StorageTest
    void theThresholdAndTheWindowAreConfigurable(TestDatabase db) {
        start(rapports.builder(db).improvementSuggestions(5, Duration.ofDays(90))
                .config("rapport.improvements.suggestion-threshold", "2")
                .config("rapport.improvements.suggestion-window", "7d"));
        open(anna, "COMPLAINT", "invoice");
        clock.advance(Duration.ofDays(8));
        open(bo, "COMPLAINT", "invoice");
        assertThat(suggestions()).as("eight days apart").isEmpty();

        clock.advance(Duration.ofDays(6));
        open(chen, "COMPLAINT", "invoice");

        assertThat(single(suggestions()).customerIds()).containsExactly(bo.id(), chen.id());
    }

    @StorageTest
    void badSuggestionSettingsFailTheBuildNamingEachKey(TestDatabase db) {
        assertThatThrownBy(() -> rapports.builder(db).config("rapport.improvements.suggestion-threshold", "1")
                .config("rapport.improvements.suggestion-window", "soon")
                .config("rapport.improvements.suggestion-colour", "red").build())
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("suggestion-threshold"))
                        .anySatisfy(p -> assertThat(p).contains("suggestion-window"))
                        .anySatisfy(p -> assertThat(p).contains("suggestion-colour")));
        assertThatThrownBy(() -> rapports.builder(db).improvementSuggestions(1, Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @StorageTest
    void twoNodesCompletingTheSameClustersAtOnceSuggestEachOnce(TestDatabase db) throws Exception {
        var coordinates = db.fresh();
        start(Fixtures.builder(coordinates, clock));
        var other = rapports.start(Fixtures.builder(coordinates, clock));
        var tags = Stream.iterate(0, i -> i + 1).limit(8).map(i -> "batch-" + i).toList();
        var racers = new ArrayList<TicketId>();
        // Threads of their own: the common pool may have a single thread on a small machine.
        try (var threads = Executors.newFixedThreadPool(2)) {
            for (String tag : tags) {
                open(anna, "COMPLAINT", tag);
                open(bo, "COMPLAINT", tag);
                var start = new CountDownLatch(1);
                var one = CompletableFuture.supplyAsync(() -> openAfter(start, rapport, chen, tag), threads);
                var two = CompletableFuture.supplyAsync(() -> openAfter(start, other, dana, tag), threads);
                start.countDown();
                racers.add(one.get().id());
                racers.add(two.get().id());
            }
        }

        var all = suggestions();
        assertThat(all).hasSize(tags.size());
        assertThat(all).extracting(ImprovementSuggestion::tag).containsExactlyInAnyOrderElementsOf(tags);
        // Whichever transaction lost the race joins the suggestion the winner stored.
        assertThat(all).allSatisfy(s -> assertThat(s.customerIds()).containsExactlyInAnyOrder(anna.id(), bo.id(),
                chen.id(), dana.id()));
        assertThat(all.stream().flatMap(s -> s.ticketIds().stream())).containsAll(racers);
    }

    /** Anna's, Bo's and Chen's tickets of one tag, an hour apart: the suggestion they make. */
    private ImprovementSuggestion clusterOfThree(String tag) {
        for (Customer customer : List.of(anna, bo, chen)) {
            open(customer, "COMPLAINT", tag);
            clock.advance(Duration.ofHours(1));
        }
        return single(suggestions());
    }

    /** A ticket opened a minute after the previous one: tickets of one instant have no order among them. */
    private Ticket open(Customer customer, String type, String... tags) {
        clock.advance(Duration.ofMinutes(1));
        return rapport.tickets().open(Actor.system(), aTicket(customer.id()).type(type).tags(List.of(tags)).build());
    }

    private static Ticket openAfter(CountDownLatch start, Rapport node, Customer customer, String tag) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return node.tickets().open(Actor.system(), aTicket(customer.id()).type("COMPLAINT").tag(tag).build());
    }

    private List<ImprovementSuggestion> suggestions() {
        return rapport.improvements().suggestions(Actor.of(supervisor), Optional.empty(), PageRequest.first())
                .items();
    }

    private static ImprovementSuggestion single(List<ImprovementSuggestion> suggestions) {
        assertThat(suggestions).hasSize(1);
        return suggestions.getFirst();
    }

    private List<String> suggestionAudits(ImprovementSuggestion suggestion) {
        return rapport.improvements().suggestionHistory(Actor.of(supervisor), suggestion.id()).stream()
                .map(AuditEntry::action).toList();
    }
}
