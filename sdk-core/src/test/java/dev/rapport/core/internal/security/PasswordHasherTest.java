package dev.rapport.core.internal.security;

import com.password4j.Argon2Function;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
    void aHasherKnowingAPublishedPasswordsHashHandsItOutForThatPasswordOnly() {
        String made = hasher.hash("rapport-demo");
        var seeding = hasher.knowing(Map.of("rapport-demo", made));

        assertThat(seeding.hash("rapport-demo")).isEqualTo(made);
        String other = seeding.hash("another-password");
        assertThat(seeding.hash("rapport-demo")).isEqualTo(made);
        assertThat(hasher.matches("another-password", other)).isTrue();
        assertThat(seeding.hash("another-password")).as("other passwords stay salted per call").isNotEqualTo(other);
        assertThat(hasher.hash("rapport-demo")).as("the ordinary hasher stays salted per call").isNotEqualTo(made);
    }

    @Test
    void itsOwnHashesAreTheArgon2idOnesWithItsParameters() {
        assertThat(PasswordHasher.isOwnHash(hasher.hash("correct horse battery"))).isTrue();
        assertThat(PasswordHasher.isOwnHash(PasswordHasher.DECOY)).isTrue();
        assertThat(PasswordHasher.isOwnHash(PasswordHasher.DECOY.replace("m=19456", "m=4096")))
                .as("weaker memory").isFalse();
        assertThat(PasswordHasher.isOwnHash(PasswordHasher.DECOY.replace("t=2", "t=1"))).as("fewer passes").isFalse();
        assertThat(PasswordHasher.isOwnHash(PasswordHasher.DECOY.replace("argon2id", "argon2i"))).as("Argon2i")
                .isFalse();
        assertThat(PasswordHasher.isOwnHash("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"))
                .as("bcrypt").isFalse();
        assertThat(PasswordHasher.isOwnHash("rapport-demo")).as("a password, not a hash").isFalse();
        assertThat(PasswordHasher.isOwnHash("")).isFalse();
    }
}
