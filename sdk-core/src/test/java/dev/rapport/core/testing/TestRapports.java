package dev.rapport.core.testing;

import dev.rapport.core.Rapport;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Rapports on fresh databases for one test, all reading time from one {@link MutableClock}, closed after the test.
 * Register as a field: {@code @RegisterExtension final TestRapports rapports = new TestRapports(clock);}
 */
public final class TestRapports implements AfterEachCallback {
    private final MutableClock clock;
    private final List<Rapport> started = new ArrayList<>();

    public TestRapports(MutableClock clock) {
        this.clock = clock;
    }

    /** A Rapport with default settings on a brand-new database of {@code db}. */
    public Rapport start(TestDatabase db) {
        return start(builder(db));
    }

    /** A Rapport from a builder of {@link #builder(TestDatabase)}, changed as the test needs. */
    public Rapport start(Rapport.Builder builder) {
        var rapport = builder.build();
        started.add(rapport);
        return rapport;
    }

    public Rapport.Builder builder(TestDatabase db) {
        return Fixtures.builder(db, clock);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(Rapport::close);
        started.clear();
    }
}
