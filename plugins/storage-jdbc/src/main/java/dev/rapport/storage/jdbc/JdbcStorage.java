package dev.rapport.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.figures.PoolFigures;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.Transaction;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** The {@link Storage} over one Jdbi instance; each {@link #inTransaction} call is one database transaction. */
final class JdbcStorage implements Storage {
    private static final int HEALTH_CHECK_TIMEOUT_SECONDS = 2;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final JsonCodec json;
    private final Clock clock;
    private final Runnable release;
    private final Optional<HikariDataSource> pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param release frees what this storage owns (its pool), or nothing when the host owns the DataSource
     * @param pool    the HikariCP pool behind the DataSource, when it is one, for {@link #pool()}
     */
    JdbcStorage(Jdbi jdbi, Dialect dialect, JsonCodec json, Clock clock, Runnable release,
                Optional<HikariDataSource> pool) {
        this.pool = pool;
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.json = json;
        this.clock = clock;
        this.release = release;
    }

    /** Jdbi commits when {@code work} returns, and rolls back and rethrows the very same exception when it throws. */
    @Override
    public <R> R inTransaction(Function<Transaction, R> work) {
        if (closed.get()) {
            throw new IllegalStateException("The storage is closed");
        }
        return jdbi.inTransaction(handle -> work.apply(new JdbcTransaction(handle, dialect, json, clock)));
    }

    @Override
    public boolean isHealthy() {
        if (closed.get()) {
            return false;
        }
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                    .setQueryTimeout(HEALTH_CHECK_TIMEOUT_SECONDS)
                    .mapTo(Integer.class)
                    .one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Optional<PoolFigures> pool() {
        if (closed.get()) {
            return Optional.empty();
        }
        // Hikari's own figures: read from its pool's counters, no connection taken. Absent until the pool has started.
        return pool.map(HikariDataSource::getHikariPoolMXBean).map(bean -> new PoolFigures(
                bean.getActiveConnections(), bean.getIdleConnections(), this.pool.get().getMaximumPoolSize(),
                bean.getThreadsAwaitingConnection()));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }

    /**
     * {@code jdbc} on PostgreSQL, a server every node can share: attachments then live in the database beside the
     * rows that name them. H2 is embedded in one process, so its nodes keep the file-system store.
     */
    @Override
    public Optional<String> sharedBlobStoreType() {
        return dialect == Dialect.POSTGRESQL ? Optional.of(JdbcBlobStoreFactory.ID) : Optional.empty();
    }

    Dialect dialect() {
        return dialect;
    }

    /** The storage's connections, for the blob store that keeps attachments in the same database. */
    Jdbi jdbi() {
        return jdbi;
    }
}
