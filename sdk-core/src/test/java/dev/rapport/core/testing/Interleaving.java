package dev.rapport.core.testing;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.api.spi.storage.TicketStore;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.RapportBuilder;
import dev.rapport.storage.jdbc.JdbcStorageFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The jdbc storage with a seam for a concurrent writer: another write commits between a transaction's read of a
 * ticket and its update of it, as a second request or node might, every time rather than by luck. Use with
 * {@code interleaving.on(rapports.builder(db))}, then {@link #beforeNextUpdateOf}.
 */
public final class Interleaving implements StorageFactory {
    /** The storage type this factory answers to. */
    public static final String ID = "interleaving";
    private static final Object PASS = new Object();
    private final JdbcStorageFactory jdbc = new JdbcStorageFactory();
    private final AtomicReference<Interloper> next = new AtomicReference<>();
    private volatile Storage storage;

    private record Interloper(TicketId ticket, Runnable write) {
    }

    /** {@code builder} keeping its data in this storage. */
    public RapportBuilder on(RapportBuilder builder) {
        return builder.factory(this).config("rapport.storage.type", ID);
    }

    /**
     * Has the next update of ticket {@code id} wait until {@code write} ran and committed, on a thread of its own:
     * the updating transaction has read the ticket by then and holds no lock on it, so {@code write} goes through.
     * Once only; {@code write} may use the Rapport on this storage.
     */
    public void beforeNextUpdateOf(TicketId id, Runnable write) {
        next.set(new Interloper(id, write));
    }

    /** Whether a write given to {@link #beforeNextUpdateOf} is still waiting for its update. */
    public boolean waiting() {
        return next.get() != null;
    }

    /** Runs {@code work} in a transaction of the storage itself, past the SDK's rules: for states no command makes. */
    public <R> R direct(Function<Transaction, R> work) {
        return storage.inTransaction(work);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return jdbc.keys();
    }

    @Override
    public Storage create(PluginContext context) {
        Storage created = jdbc.create(context);
        storage = created;
        return proxy(Storage.class, created, (method, args) -> switch (method.getName()) {
            // The jdbc blob store takes only the jdbc storage itself: attachments stay in files here.
            case "sharedBlobStoreType" -> Optional.empty();
            case "inTransaction" -> {
                @SuppressWarnings("unchecked")
                var work = (Function<Transaction, Object>) args[0];
                yield created.inTransaction(tx -> work.apply(transaction(tx)));
            }
            default -> PASS;
        });
    }

    private Transaction transaction(Transaction tx) {
        return proxy(Transaction.class, tx, (method, args) ->
                method.getName().equals("tickets") ? tickets(tx.tickets()) : PASS);
    }

    private TicketStore tickets(TicketStore tickets) {
        return proxy(TicketStore.class, tickets, (method, args) -> {
            if (method.getName().equals("update")) {
                var interloper = next.get();
                if (interloper != null && interloper.ticket().equals(((Ticket) args[0]).id())
                        && next.compareAndSet(interloper, null)) {
                    runElsewhere(interloper.write());
                }
            }
            return PASS;
        });
    }

    /** {@code write} on a thread of its own, as another request's, while this one waits for it. */
    private static void runElsewhere(Runnable write) {
        try (var thread = Executors.newSingleThreadExecutor()) {
            thread.submit(write).get();
        } catch (ExecutionException e) {
            throw new AssertionError("the interleaved write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the interleaved write", e);
        }
    }

    /** What a proxy answers instead of its target, or {@link #PASS} to pass the call on. */
    @FunctionalInterface
    private interface Answer {
        Object answer(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T target, Answer override) {
        InvocationHandler handler = (self, method, args) -> {
            Object answer = override.answer(method, args);
            if (answer != PASS) {
                return answer;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
