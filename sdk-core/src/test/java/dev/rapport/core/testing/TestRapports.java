package dev.rapport.core.testing;

import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rapports on fresh databases for one test, all reading time from one {@link MutableClock}, closed after the test.
 * Register as a field: {@code @RegisterExtension final TestRapports rapports = new TestRapports(clock);}
 */
public final class TestRapports implements AfterEachCallback {
    private final MutableClock clock;
    private final List<Rapport> started = new ArrayList<>();
    private final Map<RapportBuilder, DatabaseCoordinates> built = new IdentityHashMap<>();
    private final Map<Rapport, DatabaseCoordinates> databases = new IdentityHashMap<>();

    public TestRapports(MutableClock clock) {
        this.clock = clock;
    }

    /** A Rapport with default settings on a brand-new database of {@code db}. */
    public Rapport start(TestDatabase db) {
        return start(builder(db));
    }

    /** A Rapport from a builder of {@link #builder(TestDatabase)}, changed as the test needs. */
    public Rapport start(RapportBuilder builder) {
        var rapport = builder.build();
        started.add(rapport);
        var database = built.remove(builder);
        if (database != null) {
            databases.put(rapport, database);
        }
        return rapport;
    }

    public RapportBuilder builder(TestDatabase db) {
        var database = db.fresh();
        var builder = Fixtures.builder(database, clock);
        built.put(builder, database);
        return builder;
    }

    /**
     * Waits until {@code rapport}'s database has nothing left to deliver: every event committed so far has reached
     * every subscriber that will ever get it, so a test can say what was <em>not</em> delivered. (A later event does not
     * prove this: events of another subject may overtake one that is held back.)
     */
    public void awaitAllDelivered(Rapport rapport) {
        var database = databases.get(rapport);
        if (database == null) {
            throw new IllegalArgumentException("not a Rapport started from a builder of these TestRapports");
        }
        Eventually.until("nothing left to deliver", Backlog.of(database)::isEmpty);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(Rapport::close);
        started.clear();
        built.clear();
        databases.clear();
    }
}
