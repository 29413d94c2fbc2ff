package dev.rapport.examples;

import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.Recipient;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.core.Rapport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** docs/embedding.md, "Events and notifiers": a listener and a notifier built in code, with delivery settings. */
public final class NotifierExample {
    private NotifierExample() {
    }

    /** What the example's subscribers got. */
    public record Outcome(List<String> heard, List<String> pages) {
    }

    /** A notifier the host built itself: it "pages" each recipient an event names. */
    record Pager(List<String> pages) implements Notifier {
        @Override
        public Delivery deliver(Notification notification) {
            for (Recipient person : notification.recipients()) {
                pages.add(notification.event().eventType() + " → " + person.name() + " <"
                        + person.email().orElse("no e-mail") + "> in " + person.locale().toLanguageTag());
            }
            return Delivery.delivered();
        }

        @Override
        public void close() {
        }
    }

    public static Outcome run(Clock clock) throws InterruptedException {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> pages = new CopyOnWriteArrayList<>();
        // tag::notify[]
        try (Rapport rapport = Rapport.builder()
                .clock(clock)
                .listener(event -> heard.add(event.eventType()))   // every event, also those a crash left undelivered
                .notifier("pager", new Pager(pages))               // a Notifier built in code, named "pager"
                .config("rapport.notifiers.pager.timeout", "5s")   // the SDK's delivery keys for this instance
                .config("rapport.notifiers.pager.max-attempts", "5")
                .build()) {
            User agent = rapport.users().create(Actor.system(), new NewUser("li.na", "Li Na",
                    DepartmentId.of("after-sales"), Set.of(Role.AGENT), Tier.FRONT_LINE, "a long enough secret",
                    "li.na@example.com", Locale.ENGLISH));          // where and in which language to notify her
            Customer customer = rapport.customers().create(Actor.system(), CustomerProfile.builder()
                    .kind(CustomerKind.ORGANIZATION).name("Contoso Trading").industry("Retail")
                    .contact(ContactDraft.of("Bo Chen", "13800001111", "bo@contoso.example"))
                    .build());
            Ticket ticket = rapport.tickets().open(Actor.system(), OpenTicket.builder()
                    .customer(customer.id()).type("COMPLAINT").urgent(true).important(true)
                    .description("The invoice run failed.").build());
            rapport.tickets().assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
            // The pager hears "TicketAssigned → Li Na <li.na@example.com> in en", after the commit, on its own thread.
        // end::notify[]
            awaitPage(pages);
        }
        return new Outcome(List.copyOf(heard), List.copyOf(pages));
    }

    private static void awaitPage(List<String> pages) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pages.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
