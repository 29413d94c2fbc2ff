package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.CustomerMatch;
import dev.rapport.api.spi.storage.CustomerSearch;
import dev.rapport.storage.jdbc.search.SearchText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL of one customer search page and its parameters. Every condition is one an index answers on PostgreSQL
 * (a B-tree on the code, trigram GIN indexes on the code and the search columns), so the database combines them in
 * a bitmap OR instead of reading a million rows; H2 reads every row and computes the same.
 *
 * <p>What matches, where {@code q} is the query and {@code t} its {@link SearchText}:
 * <ul>
 *   <li>the code is {@code q} (upper-cased), or contains it when {@code q} is three or more letters and digits;</li>
 *   <li>the name and contact names ({@code search_text}) match {@code t} with a word similarity of at least
 *       {@value #WORD_SIMILARITY} (typos), when {@code q} has three or more characters: fewer carry too little to
 *       be fuzzy about;</li>
 *   <li>{@code search_text} contains {@code t} as written, or, when every word of {@code t} is shorter than three
 *       letters, has a word starting with it (such a pattern still yields a trigram for the index);</li>
 *   <li>with personal data, the phones and e-mails ({@code search_pii}) contain {@code q} as written: its digits
 *       when it looks like a phone number, {@code t} otherwise.</li>
 * </ul>
 */
final class CustomerSearchQuery {
    /**
     * Below pg_trgm's default of 0.6, which misses one wrong letter in a word shorter than ten letters
     * ({@code nortwind}: 0.58); 0.5 finds one in a word of about seven letters or more, or in a query of several
     * words. Set on every search, so a changed server setting cannot make PostgreSQL differ from H2.
     */
    static final double WORD_SIMILARITY = 0.5;
    private static final char ESCAPE = '!';
    private static final int FUZZY_MINIMUM = 3;
    private static final Pattern CODE_PART = Pattern.compile("[A-Za-z0-9]{3,}");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d\\s\\-.()]+");

    private final String sql;
    private final Map<String, Object> parameters;

    private CustomerSearchQuery(String sql, Map<String, Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    String sql() {
        return sql;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** The query for {@code search} in {@code dialect}, selecting the customer columns and its rank. */
    static CustomerSearchQuery of(CustomerSearch search, Dialect dialect, String customerColumns) {
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("limit", search.limit());
        String q = search.query().strip();
        if (q.isEmpty()) {
            search.after().ifPresent(after -> parameters.put("afterCode", after.code()));
            return new CustomerSearchQuery("SELECT " + customerColumns + ", 1 AS tier, 0 AS score, 0 AS closeness "
                    + "FROM customers c" + (search.after().isPresent() ? " WHERE c.code > :afterCode" : "")
                    + " ORDER BY c.code LIMIT :limit", parameters);
        }
        var text = SearchText.of(q);
        String key = text.joined();
        parameters.put("code", q.toUpperCase(Locale.ROOT));
        parameters.put("key", key);

        var matches = new ArrayList<String>();
        matches.add("c.code = :code");
        if (CODE_PART.matcher(q).matches()) {
            matches.add("c.code ILIKE :codePattern ESCAPE '" + ESCAPE + "'");
            parameters.put("codePattern", "%" + escaped(q) + "%");
        }
        if (text.characters() >= FUZZY_MINIMUM && !text.isEmpty()) {
            matches.add(dialect.wordSimilar(":key", "c.search_text"));
            parameters.put("threshold", WORD_SIMILARITY);
        }
        String textPattern = pattern(text);
        if (textPattern != null) {
            matches.add("c.search_text LIKE :textPattern ESCAPE '" + ESCAPE + "'");
            parameters.put("textPattern", textPattern);
        }
        String score = "word_similarity(:key, c.search_text)";
        if (search.matchPersonalData()) {
            String digits = SearchText.digits(q);
            boolean phoneLike = PHONE_LIKE.matcher(q).matches() && digits.length() >= FUZZY_MINIMUM;
            String personalKey = phoneLike ? digits : key;
            String personalPattern = phoneLike ? "%" + escaped(digits) + "%" : textPattern;
            if (personalPattern != null) {
                matches.add("c.search_pii LIKE :personalPattern ESCAPE '" + ESCAPE + "'");
                parameters.put("personalPattern", personalPattern);
            }
            score = "GREATEST(" + score + ", word_similarity(:personalKey, c.search_pii))";
            parameters.put("personalKey", personalKey);
        }
        String ranked = "SELECT " + customerColumns + ", CASE WHEN UPPER(c.code) = :code THEN 0 ELSE 1 END AS tier, "
                + score + " AS score, similarity(:key, c.search_name) AS closeness FROM customers c WHERE "
                + String.join(" OR ", matches);
        String keyset = search.after().map(after -> {
            parameters.put("afterTier", after.exactCode() ? 0 : 1);
            parameters.put("afterScore", (float) after.score());
            parameters.put("afterCloseness", (float) after.closeness());
            parameters.put("afterCode", after.code());
            return " WHERE m.tier > :afterTier OR m.tier = :afterTier AND (m.score < :afterScore "
                    + "OR m.score = :afterScore AND (m.closeness < :afterCloseness "
                    + "OR m.closeness = :afterCloseness AND m.code > :afterCode))";
        }).orElse("");
        return new CustomerSearchQuery("SELECT m.* FROM (" + ranked + ") m" + keyset
                + " ORDER BY m.tier, m.score DESC, m.closeness DESC, m.code LIMIT :limit", parameters);
    }

    /** The rank of the current row of a result of {@link #of}. */
    static CustomerMatch.Rank rank(java.sql.ResultSet rs) throws java.sql.SQLException {
        // Read as the REAL the databases computed: a double parsed from its text would not compare equal to it.
        return new CustomerMatch.Rank(rs.getInt("tier") == 0, rs.getFloat("score"), rs.getFloat("closeness"),
                rs.getString("code"));
    }

    /**
     * {@code %t%}, or {@code % t%} (a word starting with {@code t}) when all of its words are shorter than three
     * letters, since {@code %ab%} holds no trigram and would make PostgreSQL read the whole index; null when
     * {@code t} is empty.
     */
    private static String pattern(SearchText text) {
        if (text.isEmpty()) {
            return null;
        }
        boolean hasTrigram = text.words().stream().anyMatch(word -> word.length() >= 3);
        return (hasTrigram ? "%" : "% ") + escaped(text.joined()) + "%";
    }

    /** The text with LIKE's wildcards and the escape character made literal. */
    static String escaped(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (char ch : text.toCharArray()) {
            if (ch == ESCAPE || ch == '%' || ch == '_') {
                out.append(ESCAPE);
            }
            out.append(ch);
        }
        return out.toString();
    }
}
