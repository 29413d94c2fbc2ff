package dev.rapport.server.crash;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients working a server at once until it dies: each signs in as the demo agent, creates a customer of its own,
 * then opens tickets for it, takes them, records progress on them and edits the customer, in a random mix, recording
 * each acknowledged write in the {@link Ledger}. Each client touches only its own customer and tickets, so the last
 * acknowledged state of each is known.
 */
final class Workload {
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private Workload(int count) {
        clients = Executors.newFixedThreadPool(count, task -> {
            var thread = new Thread(task, "crash-test-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code count} clients against the server at {@code server}; {@code run} tells the clients apart. */
    static Workload start(int count, URI server, String run, Ledger ledger, long seed) {
        var workload = new Workload(count);
        for (int i = 0; i < count; i++) {
            var client = new Client(ServerApi.login(server, "agent"), run + "-" + i, ledger, new Random(seed + i),
                    workload.stopping);
            workload.running.add(workload.clients.submit(client::work));
        }
        return workload;
    }

    /** Asks every client to stop after the write in hand, and waits until they have. */
    void stop() throws Exception {
        stopping.set(true);
        awaitStopped();
    }

    /** Waits for every client to stop, which they do when the server is gone or when {@link #stop()} asks. */
    void awaitStopped() throws Exception {
        try {
            for (var client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static final class Client {
        private final ServerApi api;
        private final String name;
        private final Ledger ledger;
        private final Random random;
        private final AtomicBoolean stopping;
        private final List<String> unassigned = new ArrayList<>();
        private final List<String> assigned = new ArrayList<>();
        private String me;
        private String customer;
        private long customerVersion;
        private int steps;

        Client(ServerApi api, String name, Ledger ledger, Random random, AtomicBoolean stopping) {
            this.api = api;
            this.name = name;
            this.ledger = ledger;
            this.random = random;
            this.stopping = stopping;
        }

        void work() {
            try {
                me = api.get("/api/v1/auth/session").body().at("/user/id").asText();
                createCustomer();
                while (!stopping.get()) {
                    int dice = random.nextInt(10);
                    if (dice < 4 || unassigned.isEmpty() && assigned.isEmpty()) {
                        openTicket();
                    } else if (dice < 6 && !unassigned.isEmpty()) {
                        assign(unassigned.removeFirst());
                    } else if (dice < 8 && !assigned.isEmpty()) {
                        progress(assigned.get(random.nextInt(assigned.size())));
                    } else {
                        editCustomer();
                    }
                }
            } catch (IOException serverGone) {
                // killed: the end of this client's work
            }
        }

        private void createCustomer() throws IOException {
            var body = ServerApi.object().put("kind", "ORGANIZATION").put("name", "Crash Test " + name)
                    .put("industry", "Retail").put("source", "REFERRAL");
            body.putArray("contacts").addObject().put("name", "Contact " + name)
                    .put("email", "contact-" + name.toLowerCase() + "@crash.example");
            var answer = api.post("/api/v1/customers?allowDuplicate=true", body);
            if (expect(answer, 201, "create a customer")) {
                customer = answer.text("id");
                customerVersion = answer.body().get("version").asLong();
                ledger.customerCreated(customer, answer.text("code"));
            } else {
                throw new IOException("no customer to work with");
            }
        }

        private void openTicket() throws IOException {
            var answer = api.post("/api/v1/tickets", ServerApi.object().put("customerId", customer)
                    .put("type", "CONSULTATION").put("description", "Crash test ticket of " + name)
                    .put("urgent", false).put("important", true));
            if (expect(answer, 201, "open a ticket")) {
                String id = answer.text("id");
                ledger.ticketOpened(id, answer.text("number"), answer.body().get("version").asLong());
                unassigned.add(id);
            }
        }

        private void assign(String ticket) throws IOException {
            var answer = api.post("/api/v1/tickets/" + ticket + "/assign", ServerApi.object().put("assigneeId", me)
                    .put("version", ledger.ticketVersion(ticket)));
            if (expect(answer, 200, "assign a ticket")) {
                ledger.ticketAssigned(ticket, version(answer));
                assigned.add(ticket);
            }
        }

        private void progress(String ticket) throws IOException {
            String action = "Step " + ++steps + " by " + name;
            var answer = api.post("/api/v1/tickets/" + ticket + "/progress", ServerApi.object().put("action", action)
                    .put("visibility", "INTERNAL").put("version", ledger.ticketVersion(ticket)));
            if (expect(answer, 200, "add progress")) {
                ledger.progressAdded(ticket, action, version(answer));
            }
        }

        private void editCustomer() throws IOException {
            String newName = "Crash Test " + name + " rev " + ++steps;
            var answer = api.patch("/api/v1/customers/" + customer, ServerApi.object().put("name", newName)
                    .put("version", customerVersion));
            if (expect(answer, 200, "edit the customer")) {
                customerVersion = answer.body().get("version").asLong();
                ledger.customerEdited(customer, customerVersion, newName);
            }
        }

        private static long version(ServerApi.Answer answer) {
            JsonNode version = answer.body().get("version");
            if (version == null) {
                throw new AssertionError("no version in " + answer.text());
            }
            return version.asLong();
        }

        private boolean expect(ServerApi.Answer answer, int status, String what) {
            if (answer.status() == status) {
                return true;
            }
            ledger.unexpected(name + " could not " + what + ": " + answer.status() + " " + answer.text());
            return false;
        }
    }
}
