package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.LoginFailureStore;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/**
 * Failed logins in {@code login_failures}, one row per pair of employee id and address. A pair is claimed by
 * inserting its row when absent and locking it ({@code FOR UPDATE}), so attempts for one pair queue up across nodes.
 */
final class JdbcLoginFailureStore implements LoginFailureStore {
    private final Handle handle;
    private final Dialect dialect;

    JdbcLoginFailureStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public Optional<LoginFailures> claim(String employeeId, String address) {
        InsertIfAbsent.insert(handle, dialect, "login_failures", "pair_key", Map.of(
                "pair_key", key(employeeId, address), "employee_id", employeeId, "address", address,
                "failures", 0, "last_failed_at", instant(Instant.EPOCH)));
        return handle.createQuery("SELECT failures, last_failed_at FROM login_failures WHERE pair_key = :key "
                        + "FOR UPDATE")
                .bind("key", key(employeeId, address))
                .map((rs, ctx) -> new LoginFailures(rs.getInt("failures"), instant(rs, "last_failed_at")))
                .findOne();
    }

    @Override
    public void recordFailure(String employeeId, String address, Instant at) {
        int changed = handle.createUpdate("UPDATE login_failures SET failures = failures + 1, last_failed_at = :at "
                        + "WHERE pair_key = :key")
                .bind("at", instant(at))
                .bind("key", key(employeeId, address))
                .execute();
        if (changed == 0) {
            handle.createUpdate("INSERT INTO login_failures (pair_key, employee_id, address, failures, last_failed_at) "
                            + "VALUES (:key, :employeeId, :address, 1, :at)")
                    .bind("key", key(employeeId, address))
                    .bind("employeeId", employeeId)
                    .bind("address", address)
                    .bind("at", instant(at))
                    .execute();
        }
    }

    @Override
    public void clear(String employeeId, String address) {
        handle.createUpdate("DELETE FROM login_failures WHERE pair_key = :key")
                .bind("key", key(employeeId, address))
                .execute();
    }

    @Override
    public AddressFailures fromAddress(String address, Instant since) {
        return handle.createQuery("SELECT COALESCE(SUM(failures), 0) AS failures, MIN(last_failed_at) AS oldest "
                        + "FROM login_failures WHERE address = :address AND last_failed_at > :since AND failures > 0")
                .bind("address", address)
                .bind("since", instant(since))
                .map((rs, ctx) -> {
                    long failures = rs.getLong("failures");
                    return new AddressFailures(failures, failures == 0 ? since : instant(rs, "oldest"));
                })
                .one();
    }

    @Override
    public int deleteOlderThan(Instant before) {
        return handle.createUpdate("DELETE FROM login_failures WHERE last_failed_at < :before")
                .bind("before", instant(before))
                .execute();
    }

    /** One key per pair: the length prefix keeps ids that contain the separator from meeting another pair's key. */
    private static String key(String employeeId, String address) {
        return employeeId.length() + ":" + employeeId + "@" + address;
    }
}
