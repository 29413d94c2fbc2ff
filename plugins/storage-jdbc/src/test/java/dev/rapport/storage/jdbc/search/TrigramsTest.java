package dev.rapport.storage.jdbc.search;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** H2 ranks with these functions and PostgreSQL with pg_trgm: they must agree to the last bit. */
class TrigramsTest {
    private static final String[] WORDS = {"north", "wind", "northwind", "nortwind", "trading", "tradng", "acme", "a",
            "ab", "co", "ltd", "13812345678", "1234", "orders", "example", "星河", "上海星河贸易", "有限公司", "星"};

    @Test
    void similarityAndWordSimilarityAreThoseOfPgTrgm() throws SQLException {
        var random = new Random(7);
        var pairs = new ArrayList<String[]>();
        for (int i = 0; i < 400; i++) {
            pairs.add(new String[]{SearchText.of(words(random, 1 + random.nextInt(3))).joined(),
                    SearchText.of(words(random, 1 + random.nextInt(6))).column()});
        }
        var db = TestDatabase.POSTGRES.empty();
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             var statement = connection.prepareStatement("SELECT word_similarity(q, t), similarity(q, t) "
                     + "FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS p(q, t, n) ORDER BY n")) {
            connection.createStatement().execute("CREATE EXTENSION pg_trgm");
            statement.setArray(1, connection.createArrayOf("text", pairs.stream().map(p -> p[0]).toArray()));
            statement.setArray(2, connection.createArrayOf("text", pairs.stream().map(p -> p[1]).toArray()));
            var expected = new ArrayList<List<Float>>();
            var actual = new ArrayList<List<Float>>();
            try (var rs = statement.executeQuery()) {
                for (var pair : pairs) {
                    rs.next();
                    expected.add(List.of(rs.getFloat(1), rs.getFloat(2)));
                    actual.add(List.of(Trigrams.wordSimilarity(pair[0], pair[1]), Trigrams.similarity(pair[0], pair[1])));
                }
            }
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void nullIsNullAndNothingIsNotSimilar() {
        assertThat(Trigrams.similarity(null, "a")).isNull();
        assertThat(Trigrams.wordSimilarity("a", null)).isNull();
        assertThat(Trigrams.similarity("", "abc")).isZero();
        assertThat(Trigrams.wordSimilarity("", "abc")).isZero();
    }

    private static String words(Random random, int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
