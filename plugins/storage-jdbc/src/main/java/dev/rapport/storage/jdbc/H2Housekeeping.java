package dev.rapport.storage.jdbc;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an H2 file database's file from growing without bound while every commit is written out at once.
 *
 * <p>With {@code WRITE_DELAY} 0 ({@link H2Durability}) H2 2.5 stops its background writer thread, and with it the
 * housekeeping that thread does. Each commit writes a chunk of pages to the file; later commits replace most of its
 * pages but not all, and only that housekeeping rewrites the few live pages so the chunk's space can be used again.
 * Without it the file grew by about 85 KB for every ticket created (9.8 GB after 134,000). This takes over: a few times
 * a second it rewrites the live pages of sparse chunks older than H2's retention time, one bounded step at a time, and
 * the next commits reuse the chunks' space. A step holds H2's store lock, so commits wait for it: milliseconds.
 *
 * <p>It reaches the store through H2's internal API, which is why the H2 version is pinned. Where that API is not
 * there (another H2 version, a database in an H2 server process), it says so once and stops: the database works on,
 * only its file grows, and docs/operations.md says how to compact it offline.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(H2Housekeeping.class.getName());
    /** About as often as H2's own writer thread would run at its default delay (every 166 ms). */
    private static final Duration INTERVAL = Duration.ofMillis(200);
    /** Chunks less full than this have their live pages rewritten. */
    private static final int TARGET_FILL_PERCENT = 50;
    /** At most this much is rewritten in one step, which holds the store's lock. */
    private static final int STEP_BYTES = 4 << 20;

    private final String instance;
    private final DataSource dataSource;
    private final ScheduledExecutorService timer;
    private boolean failing; // only the timer's thread reads and writes it
    private MVStore store; // guarded by this

    private H2Housekeeping(String instance, DataSource dataSource, ScheduledExecutorService timer) {
        this.instance = instance;
        this.dataSource = dataSource;
        this.timer = timer;
    }

    /** Starts the housekeeping of an H2 file database; nothing for an in-memory one, whose content has no file. */
    static Optional<H2Housekeeping> start(String instance, DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, instance + ": cannot reach the database to start H2's housekeeping ("
                    + e.getMessage() + "); its file may grow until it is compacted");
            return Optional.empty();
        }
        var timer = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "rapport-h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        var housekeeping = new H2Housekeeping(instance, dataSource, timer);
        timer.scheduleWithFixedDelay(housekeeping::runScheduled, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(housekeeping);
    }

    private void runScheduled() {
        try {
            step();
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, instance + ": H2's housekeeping works again");
            }
        } catch (LinkageError | ClassCastException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, instance + ": H2's housekeeping is not available with this H2 (" + e
                    + "); the database file grows until it is compacted (docs/operations.md, \"Disk use on H2\")");
            timer.shutdown();
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true; // said once, not at every round while the database is away
                LOG.log(Level.WARNING, instance + ": H2's housekeeping failed; it tries again", e);
            }
        }
    }

    /**
     * One step: rewrites the live pages of up to {@value #STEP_BYTES} bytes of sparse chunks, when commits are written
     * at once. Returns whether it rewrote anything.
     */
    synchronized boolean step() throws SQLException {
        if (store == null || store.isClosed()) {
            // Kept between steps: a step takes none of the pool's connections, which the requests need.
            try (var connection = dataSource.getConnection()) {
                store = storeOf(connection);
            }
        }
        if (store.getAutoCommitDelay() > 0) {
            return false; // H2's own writer thread does the housekeeping
        }
        return store.compact(TARGET_FILL_PERCENT, STEP_BYTES);
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            throw new UnsupportedOperationException("the DataSource's connections do not unwrap to H2's");
        }
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            throw new UnsupportedOperationException("the database runs in another process");
        }
        return session.getDatabase().getStore().getMvStore();
    }

    /** Stops the rounds; one under way finishes first, so the database is not closed under it. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
