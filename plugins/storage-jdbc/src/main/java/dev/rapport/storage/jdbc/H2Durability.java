package dev.rapport.storage.jdbc;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes an H2 file database write every commit to its file before the commit returns.
 *
 * <p>H2 keeps committed changes in memory for up to {@code WRITE_DELAY} milliseconds (500 by default) and writes them
 * to the file in the background, so a process killed within that time loses transactions it had already acknowledged
 * (tickets answered {@code 201 Created}). With {@code WRITE_DELAY} 0 each commit stores its changes before it returns:
 * a process kill then loses nothing committed. H2 does not force the file to the disk at each commit, so a power loss
 * may still lose the last commits the operating system had not written out (docs/operations.md, "Durability").
 *
 * <p>The storage migrates the schema before this: a new database's DDL statements then reach the file together, at the
 * checkpoint this makes, rather than one write each. The setting is set at every open, unless the storage's own URL
 * names {@code WRITE_DELAY}, which is then the host's choice. H2 keeps the value in the file and reports it after a
 * restart, but opens the file with its default delay again (seen with H2 2.5.252: {@code INFORMATION_SCHEMA.SETTINGS}
 * said 0 while commits of the last half second were lost to a kill), so the reported value is not trusted.
 */
final class H2Durability {
    private static final System.Logger LOG = System.getLogger(H2Durability.class.getName());
    private static final String SETTING = "WRITE_DELAY";

    private H2Durability() {
    }

    /**
     * The URL of an H2 file database with {@code DB_CLOSE_ON_EXIT=FALSE}, unless it says otherwise: H2 would otherwise
     * close the database from a shutdown hook of its own while the host's hook is still closing the SDK, which delivers
     * pending events and records their outcomes before it releases the storage.
     */
    static String closedByTheStorage(String url) {
        boolean file = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        return file && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT=") ? url + ";DB_CLOSE_ON_EXIT=FALSE"
                : url;
    }

    /**
     * @param configuredUrl the URL this storage opens its pool with, or empty for a host's DataSource
     */
    static void commitsReachTheFile(String instance, DataSource dataSource, Optional<String> configuredUrl) {
        if (configuredUrl.map(url -> url.toUpperCase(Locale.ROOT).contains(SETTING + "=")).orElse(false)) {
            LOG.log(Level.INFO, instance + ": the URL sets H2's " + SETTING + "; commits made within that delay "
                    + "before a crash may be lost");
            return;
        }
        try (var connection = dataSource.getConnection()) {
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                return; // nothing survives the process anyway
            }
            int reported;
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                         + "WHERE SETTING_NAME = '" + SETTING + "'")) {
                reported = result.next() ? Integer.parseInt(result.getString(1).strip()) : 0;
            }
            try (var statement = connection.createStatement()) {
                statement.execute("SET " + SETTING + " 0");
                // What was committed before, a new database's schema among it, is written out now, not with the
                // first write: a kill before it must not find half a migration in the file.
                statement.execute("CHECKPOINT");
            }
            if (reported != 0) {
                LOG.log(Level.INFO, instance + ": set H2's " + SETTING + " from " + reported + " ms to 0, so that "
                        + "every commit is in the database file before it returns");
            }
        } catch (SQLException | NumberFormatException e) {
            // E.g. a user without admin rights: the storage works, but a crash may lose the last commits.
            LOG.log(Level.WARNING, instance + ": could not set H2's " + SETTING + " to 0 (" + e.getMessage()
                    + "); commits made shortly before a crash may be lost. Have an admin run SET " + SETTING + " 0.");
        }
    }
}
