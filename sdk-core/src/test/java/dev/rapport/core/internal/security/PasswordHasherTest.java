package dev.rapport.core.internal.security;

import com.password4j.Argon2Function;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void everyHashOfOnePasswordHasItsOwnSalt() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse battery", second)).isTrue();
        assertThat(hasher.matches("wrong horse battery", first)).isFalse();
    }

    @Test
    void theDecoyCostsWhatARealHashCosts() {
        var decoy = Argon2Function.getInstanceFromHash(PasswordHasher.DECOY);
        var real = Argon2Function.getInstanceFromHash(hasher.hash("correct horse battery"));

        assertThat(decoy.getMemory()).isEqualTo(real.getMemory());
        assertThat(decoy.getIterations()).isEqualTo(real.getIterations());
        assertThat(decoy.getParallelism()).isEqualTo(real.getParallelism());
        assertThat(decoy.getVariant()).isEqualTo(real.getVariant());
        assertThat(decoy.getOutputLength()).isEqualTo(real.getOutputLength());
    }

    @Test
    void unknownEmployeesNeverMatchEvenWithTheDecoysPassword() {
        assertThat(hasher.matchesNothing("decoy-password-never-matches")).isFalse();
        assertThat(hasher.matchesNothing("anything")).isFalse();
    }

    @Test
    void aSeedingHasherHashesEachPasswordOnce() {
        var seeding = hasher.hashingEachPasswordOnce();

        String demo = seeding.hash("rapport-demo");
        String other = seeding.hash("another-password");

        assertThat(seeding.hash("rapport-demo")).isEqualTo(demo);
        assertThat(other).isNotEqualTo(demo);
        assertThat(hasher.matches("rapport-demo", demo)).isTrue();
        assertThat(hasher.matches("another-password", other)).isTrue();
        assertThat(hasher.hash("rapport-demo")).as("the ordinary hasher stays salted per call").isNotEqualTo(demo);
    }
}
