package dev.rapport.storage.jdbc.testing;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test method once per {@link TestDatabase}, reported as "H2" and "PostgreSQL". The method may take a
 * {@link TestDatabase} parameter and call {@link TestDatabase#fresh()} for a database of its own.
 *
 * <pre>{@code
 * @StorageTest
 * void ticketsRoundTrip(TestDatabase db) {
 *     var coordinates = db.fresh();            // an empty database of its own
 *     ...                                      // a storage or a Rapport on it
 *     assertThat(read).isEqualTo(written);     // the same expectation, on H2 and on PostgreSQL
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(StorageTestExtension.class)
public @interface StorageTest {
}
