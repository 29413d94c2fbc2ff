package dev.rapport.server.crash;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every write a server acknowledged (answered 2xx), as the clients saw it: what must still be there after a crash.
 * A write the server committed but could not answer before it died may be there too; none may be missing.
 */
final class Ledger {
    /** A customer: its code, and per acknowledged edit the version it produced with the name it set. */
    record AcknowledgedCustomer(String id, String code, Map<Long, String> namesByVersion) {
    }

    /** A ticket: its number and the actions of its acknowledged progress entries. */
    record AcknowledgedTicket(String id, String number, List<String> progress) {
    }

    private final Map<String, AcknowledgedCustomer> customers = new ConcurrentHashMap<>();
    private final Map<String, AcknowledgedTicket> tickets = new ConcurrentHashMap<>();
    private final Map<String, Long> ticketVersions = new ConcurrentHashMap<>();
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();
    private final AtomicInteger writes = new AtomicInteger();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();

    void customerCreated(String id, String code) {
        customers.put(id, new AcknowledgedCustomer(id, code, new ConcurrentHashMap<>()));
        writes.incrementAndGet();
    }

    void customerEdited(String id, long version, String name) {
        customers.get(id).namesByVersion().put(version, name);
        writes.incrementAndGet();
    }

    void ticketOpened(String id, String number, long version) {
        tickets.put(id, new AcknowledgedTicket(id, number, new CopyOnWriteArrayList<>()));
        ticketVersions.put(id, version);
        writes.incrementAndGet();
    }

    void ticketAssigned(String id, long version) {
        assigned.add(id);
        ticketVersions.put(id, version);
        writes.incrementAndGet();
    }

    void progressAdded(String id, String action, long version) {
        tickets.get(id).progress().add(action);
        ticketVersions.put(id, version);
        writes.incrementAndGet();
    }

    /** An answer no client should get, such as a 5xx; the test fails on any. */
    void unexpected(String what) {
        unexpected.add(what);
    }

    int writes() {
        return writes.get();
    }

    List<String> unexpectedAnswers() {
        return List.copyOf(unexpected);
    }

    List<AcknowledgedCustomer> customers() {
        return List.copyOf(customers.values());
    }

    List<AcknowledgedTicket> tickets() {
        return List.copyOf(tickets.values());
    }

    boolean assigned(String id) {
        return assigned.contains(id);
    }

    long ticketVersion(String id) {
        return ticketVersions.get(id);
    }
}
