package dev.rapport.bench;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw baseline, made of exactly what the SDK sends: a {@link DataSource} that records every prepared statement
 * run through it (its SQL and the parameters set on it), and a replay of those statements with plain JDBC in one
 * transaction, reading every column of every row. The SDK measured is a separate instance on the plain pool; only
 * the recording instance runs through the proxies.
 */
final class RecordedStatements {
    /** One statement as the SDK prepared it: its SQL and the setter calls, in order. */
    record Statement(String sql, List<Call> parameters) {
    }

    /** One {@code set…} call on a prepared statement. */
    record Call(Method setter, Object[] arguments) {
    }

    private final List<Statement> statements;

    private RecordedStatements(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    /** Where a recording data source writes: the statements run on the thread that records, while it does. */
    static final class Recorder {
        private final List<Statement> log = new ArrayList<>();
        private volatile Thread recording;

        /** The statements {@code work} sends through {@link #dataSource(DataSource, Recorder)}'s connections. */
        RecordedStatements record(Runnable work) {
            log.clear();
            recording = Thread.currentThread();
            try {
                work.run();
            } finally {
                recording = null;
            }
            return new RecordedStatements(log);
        }

        private void add(Statement statement) {
            // The SDK's event delivery polls on threads of its own; only the caller's statements are the search's.
            if (recording == Thread.currentThread()) {
                log.add(statement);
            }
        }
    }

    int size() {
        return statements.size();
    }

    /** Runs the recorded statements again, in one transaction, on a connection of {@code dataSource}. */
    void replay(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (var statement : statements) {
                try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                    for (var call : statement.parameters()) {
                        call.setter().invoke(prepared, call.arguments());
                    }
                    if (prepared.execute()) {
                        readAll(prepared.getResultSet());
                    }
                }
            }
            connection.commit();
        } catch (SQLException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Replay failed", e);
        }
    }

    private static void readAll(ResultSet rs) throws SQLException {
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    rs.getObject(column);
                }
            }
        }
    }

    /** {@code target}, with every statement prepared on its connections handed to {@code log} as it executes. */
    static DataSource dataSource(DataSource target, Recorder log) {
        return proxy(DataSource.class, target, (method, args, result) -> method.getName().equals("getConnection")
                ? connection((Connection) result, log) : result);
    }

    private static Connection connection(Connection target, Recorder log) {
        return proxy(Connection.class, target, (method, args, result) -> method.getName().equals("prepareStatement")
                ? statement((PreparedStatement) result, (String) args[0], log) : result);
    }

    private static PreparedStatement statement(PreparedStatement target, String sql, Recorder log) {
        var calls = new ArrayList<Call>();
        return (PreparedStatement) Proxy.newProxyInstance(RecordedStatements.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2
                            && args[0] instanceof Integer) {
                        calls.add(new Call(method, args.clone()));
                    }
                    if (method.getName().startsWith("execute") && (args == null || args.length == 0)) {
                        log.add(new Statement(sql, List.copyOf(calls)));
                    }
                    return invoke(method, target, args);
                });
    }

    /** Wraps {@code target} so that {@code after} sees, and may replace, what each method returns. */
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> after.apply(method, args, invoke(method, target, args));
        return type.cast(Proxy.newProxyInstance(RecordedStatements.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }
}
