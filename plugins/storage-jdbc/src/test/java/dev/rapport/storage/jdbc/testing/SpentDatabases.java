package dev.rapport.storage.jdbc.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Drops the test databases nothing uses any more after each top-level test class, in every test JVM that has the
 * database fixtures on its class path (the JUnit launcher finds this listener through {@code META-INF/services}).
 * Not after a nested class: its outer class may still come back to a database it made and closed.
 */
public final class SpentDatabases implements TestExecutionListener {
    private int openClasses;

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (isClass(identifier)) {
            openClasses++;
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (isClass(identifier) && --openClasses == 0) {
            TestDatabase.dropSpentDatabases();
        }
    }

    private static boolean isClass(TestIdentifier identifier) {
        return identifier.isContainer() && identifier.getSource().filter(ClassSource.class::isInstance).isPresent();
    }
}
