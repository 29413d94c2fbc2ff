package dev.rapport.storage.jdbc;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedSqlTest {
    @Test
    void eachNamedParameterBecomesAPlaceholderInOrderAndARepeatedOneIsBoundTwice() {
        var sql = NamedSql.of("SELECT * FROM t WHERE a = :code AND (b > :afterLength OR b = :afterLength) LIMIT :limit");

        assertThat(sql.sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND (b > ? OR b = ?) LIMIT ?");
        assertThat(sql.names()).containsExactly("code", "afterLength", "afterLength", "limit");
    }

    @Test
    void quotedTextQuotedNamesAndCastsAreLeftAlone() {
        var sql = NamedSql.of("SELECT ':not', \"a:b\", 'it''s :x' FROM t WHERE k.kind = 'W' AND c.x = CAST(:v AS TEXT) "
                + "AND c.d = :day::date AND c.e = :e");

        assertThat(sql.sql()).isEqualTo("SELECT ':not', \"a:b\", 'it''s :x' FROM t WHERE k.kind = 'W' "
                + "AND c.x = CAST(? AS TEXT) AND c.d = ?::date AND c.e = ?");
        assertThat(sql.names()).containsExactly("v", "day", "e");
    }

    @Test
    void aParameterWithoutAValueIsRefusedNamingIt() {
        var sql = NamedSql.of("SELECT 1 WHERE b = :missing");

        assertThatThrownBy(() -> sql.bind(null, Map.of("other", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No value for :missing");
    }
}
