package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.CustomerMatch;
import dev.rapport.api.spi.storage.CustomerSearch;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The text of H2's one-statement search is made once per shape of query; the parameters per query. */
class CustomerSearchQueryTest {
    private static final Dialect H2 = Dialect.of("H2").orElseThrow();
    private static final String COLUMNS = "c.id, c.code, c.name";

    @Test
    void queriesOfOneShapeShareTheStatementsTextAndBindTheirOwnWords() {
        var northwind = only("Northwind", Optional.empty());
        var southwind = only("Southwind", Optional.empty());

        assertThat(southwind.sql()).isSameAs(northwind.sql());
        assertThat(northwind.parameters()).containsEntry("code", "NORTHWIND");
        assertThat(southwind.parameters()).containsEntry("code", "SOUTHWIND");
    }

    @Test
    void queriesOfOtherShapesGetTextsOfTheirOwn() {
        var texts = new HashSet<String>();
        for (String query : List.of("Northwind", "Nortwind", "Northwind Retail", "上海", "138 0013", "bj")) {
            texts.add(only(query, Optional.empty()).sql());
        }
        texts.add(only("Northwind", Optional.of(new CustomerMatch.Rank(CustomerMatch.Tier.NAME, 1, 20, "C1"))).sql());

        assertThat(texts).hasSize(7);
    }

    @Test
    void everyParameterOfTheTextHasAValue() {
        var after = Optional.of(new CustomerMatch.Rank(CustomerMatch.Tier.SIMILAR, 0.5, 12, "C2026000002"));
        for (String query : List.of("Northwind", "Northwind Retail Ltd", "上海星河", "13800138000", "bj", "bei jing")) {
            for (var cursor : List.of(Optional.<CustomerMatch.Rank>empty(), after)) {
                var statement = only(query, cursor);
                var named = NamedSql.of(statement.sql()).names();

                assertThat(named).as("the parameters of %s", query).isNotEmpty()
                        .allMatch(name -> name.equals("limit") || statement.parameters().containsKey(name));
            }
        }
    }

    private static CustomerSearchQuery.Statement only(String query, Optional<CustomerMatch.Rank> after) {
        var statements = CustomerSearchQuery.of(new CustomerSearch(query, true, after, 20), H2, COLUMNS, word -> 0);
        assertThat(statements).hasSize(1);
        return statements.getFirst();
    }
}
