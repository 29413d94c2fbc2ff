package dev.rapport.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An H2 file database whose commits are written one by one still reuses the space of what later commits replaced. */
class H2HousekeepingTest {
    private static final int COMMITS = 4_000;
    private static final int COMMITS_BETWEEN_STEPS = 100;

    @Test
    void theFileGrowsAFractionOfWhatItGrowsWithoutHousekeeping(@TempDir Path directory) throws Exception {
        long without = growthOverTheSecondHalf(directory.resolve("without"), false);
        long with = growthOverTheSecondHalf(directory.resolve("with"), true);

        // Without it, every commit leaves a chunk of its own that is never freed; with it, the file grows by about
        // the rows added once replaced chunks are reused.
        assertThat(with).as("bytes grown with housekeeping, against %,d without", without).isLessThan(without / 3);
    }

    @Test
    void anInMemoryDatabaseHasNoFileToKeep() {
        try (var pool = pool("jdbc:h2:mem:housekeeping")) {
            assertThat(H2Housekeeping.start("test", pool)).isEmpty();
        }
    }

    @Test
    void aStepDoesNothingWhileH2sOwnWriterThreadRuns(@TempDir Path directory) throws Exception {
        try (var pool = pool(url(directory) + ";WRITE_DELAY=500");
             var housekeeping = H2Housekeeping.start("test", pool).orElseThrow()) {
            createEntries(pool);
            commit(pool, COMMITS_BETWEEN_STEPS, Optional.empty());

            assertThat(housekeeping.step()).isFalse();
        }
    }

    @Test
    void connectionsThatDoNotUnwrapToH2sAreRefusedNotRetried(@TempDir Path directory) throws Exception {
        try (var pool = pool(url(directory));
             var housekeeping = H2Housekeeping.start("test", hidingH2(pool)).orElseThrow()) {
            assertThatThrownBy(housekeeping::step).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("do not unwrap");
        }
    }

    /** A host's DataSource whose connections answer as H2's but will not say that they wrap one. */
    private static DataSource hidingH2(DataSource pool) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(method, pool, args);
            return result instanceof Connection connection ? hiding(connection) : result;
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, dataSource);
    }

    private static Connection hiding(Connection connection) {
        InvocationHandler hidden = (proxy, method, args) -> method.getName().equals("isWrapperFor") ? false
                : invoke(method, connection, args);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, hidden);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * How much a database's file grows over the second half of {@link #COMMITS} commits of four new indexed rows
     * each, written as the storage
     * writes them ({@code WRITE_DELAY} 0), with or without housekeeping. H2 keeps replaced chunks for 100 ms here,
     * not its default 45 s, so the test sees in seconds what a server sees over minutes.
     */
    private static long growthOverTheSecondHalf(Path directory, boolean housekeeping) throws SQLException, IOException {
        String url = url(directory) + ";RETENTION_TIME=100";
        try (var pool = pool(url)) {
            H2Durability.commitsReachTheFile("test", pool, Optional.of(url));
            createEntries(pool);
            var kept = housekeeping ? H2Housekeeping.start("test", pool) : Optional.<H2Housekeeping>empty();
            var file = directory.resolve("rapport.mv.db");
            long half = 0;
            try {
                for (int done = 0; done < COMMITS; done += COMMITS_BETWEEN_STEPS) {
                    commit(pool, COMMITS_BETWEEN_STEPS, kept);
                    if (done + COMMITS_BETWEEN_STEPS == COMMITS / 2) {
                        half = Files.size(file);
                    }
                }
            } finally {
                kept.ifPresent(H2Housekeeping::close);
            }
            return Files.size(file) - half;
        }
    }

    private static void createEntries(DataSource pool) throws SQLException {
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entries (id BIGINT AUTO_INCREMENT PRIMARY KEY, subject VARCHAR NOT NULL, "
                    + "body VARCHAR NOT NULL, at TIMESTAMP WITH TIME ZONE NOT NULL)");
            statement.execute("CREATE INDEX entries_subject ON entries (subject)");
            statement.execute("CREATE INDEX entries_at ON entries (at)");
        }
    }

    /** {@code commits} transactions, then a step of the housekeeping, if any, as its timer would take one. */
    private static void commit(DataSource pool, int commits, Optional<H2Housekeeping> housekeeping)
            throws SQLException {
        try (var connection = pool.getConnection();
             var insert = connection.prepareStatement(
                     "INSERT INTO entries (subject, body, at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < commits; i++) {
                for (int row = 0; row < 4; row++) {
                    insert.setString(1, "subject-" + (i * 7919 % 1000) + "-" + row);
                    insert.setString(2, "x".repeat(300));
                    insert.executeUpdate();
                }
                connection.commit();
            }
        }
        if (housekeeping.isPresent()) {
            housekeeping.get().step();
        }
    }

    private static String url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("rapport");
    }

    private static HikariDataSource pool(String url) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
