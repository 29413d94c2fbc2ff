package dev.rapport.server.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantTest {
    @Test
    void writesEveryInstantAsInstantToStringDoes() {
        var random = new Random();
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(first, last);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            var at = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstant.of(at)).as("%s", at).isEqualTo(at.toString());
        }
        for (var at : List.of(Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2026-12-07T03:11:51.000001Z"))) {
            assertThat(IsoInstant.of(at)).isEqualTo(at.toString());
        }
    }

    @Test
    void theApisJsonWritesInstantsSo() throws Exception {
        var at = Instant.parse("2026-12-07T03:11:51.0037960Z");

        assertThat(Json.mapper().writeValueAsString(new Stamped(at, java.util.Optional.of(at))))
                .isEqualTo("{\"at\":\"2026-12-07T03:11:51.003796Z\",\"maybe\":\"2026-12-07T03:11:51.003796Z\"}");
    }

    record Stamped(Instant at, java.util.Optional<Instant> maybe) {
    }
}
