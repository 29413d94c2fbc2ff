package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.CustomerMatch;
import dev.rapport.api.spi.storage.CustomerMatch.Tier;
import dev.rapport.api.spi.storage.CustomerSearch;
import dev.rapport.storage.jdbc.search.CustomerSearchKeys;
import dev.rapport.storage.jdbc.search.SearchText;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The statements of one customer search page: one per {@link Tier}, run in tier order until the page is full, so
 * that a query found as written by thousands of customers never pays for the later tiers. Every condition is answered
 * by an index on PostgreSQL (the code's B-tree, trigram GIN indexes on the code and the search columns, the GIN index
 * of the typo keys and readings on the row, the B-tree of the words in {@code customer_search_keys}); on H2 the keys
 * are rows of {@code customer_search_keys}, looked up by its B-tree ({@link Dialect#hasKey}). The tiers sort their
 * matches by an expression no index provides, so that the planner never walks an index in order hoping to meet
 * matches that turn out to be rare; where a word is known to be common (see {@link #COMMON}), the name tier instead
 * walks that word's keys in order.
 *
 * <p>Where {@code q} is the query and {@code t} its {@link SearchText}:
 * <ul>
 *   <li>{@code CODE}: the code is {@code q}, upper-cased (codes are);</li>
 *   <li>{@code NAME}: the name contains {@code t}, or the code contains {@code q} when {@code q} is three or more
 *       letters and digits. When every word of {@code t} is a whole word of at least {@value #COMMON} names, the
 *       names holding its rarest word (as far as counted) as a whole word and containing {@code t}, read from the
 *       index of {@code customer_search_keys} in the tier's order: the first page then costs a page of index
 *       entries, not a sort of hundreds of thousands of matches;</li>
 *   <li>{@code CONTACT}: the name and contact names ({@code search_text}) contain {@code t}, or, with personal
 *       data, the phones and e-mails ({@code search_pii}) contain {@code q}'s digits when it looks like a phone
 *       number, {@code t} otherwise;</li>
 *   <li>{@code PINYIN}: {@code q} is Latin letters, spaces and apostrophes only, and without those (lower-cased) is
 *       one of the customer's readings (keys of kind {@code P}); a reading of two letters ({@code xh}), which
 *       thousands share, is read from the index of {@code customer_search_keys} in the tier's order;</li>
 *   <li>{@code SIMILAR}: {@code search_text} has every word of {@code t}: a spelled word of
 *       {@value CustomerSearchKeys#TYPO_TOLERANT} letters or more one edit away (it shares one of its
 *       {@link CustomerSearchKeys#typoKeys} with a word of the name or a contact's name), any other as written;
 *       ranked by the word similarity of all of {@code t}. Each word on its own, so that a common word of the query
 *       ({@code Logistics}) cannot make thousands of customers similar. A Chinese character is a word of its own, so
 *       those match as written.</li>
 * </ul>
 * Where no index answers "contains" (H2), every tier is one statement: the code, name and contact tiers read the
 * table once and give each customer the first of them it meets; the pinyin and similar tiers are found through the
 * keys' index as on their own.
 *
 * <p>"Contains {@code t}" is {@link Dialect#contains} of {@code t}, or of {@code ' t'} (a word starting with {@code t})
 * when all of its words are shorter than three letters: {@code LIKE '%ab%'} holds no trigram and would make PostgreSQL
 * read the whole index.
 */
final class CustomerSearchQuery {
    /**
     * How many names a word must be a whole word of for the name tier to read it in index order: below it, sorting
     * every match costs less than a millisecond or two; above it, walking the word's keys in order finds a page
     * after reading about a page of them.
     */
    static final int COMMON = 1_000;
    private static final int PHONE_MINIMUM = 3;
    private static final Pattern CODE_PART = Pattern.compile("[A-Za-z0-9]{3,}");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d\\s\\-.()]+");
    private static final Pattern READING = Pattern.compile("[A-Za-z' ]+");
    private static final Pattern READING_SEPARATORS = Pattern.compile("[' ]");
    /** How many texts of {@link #inOneStatement} are kept, one per shape of query. */
    private static final int SHAPES = 256;
    private static final Map<Shape, String> ONE_STATEMENT = new ConcurrentHashMap<>();
    private static final int READING_MINIMUM = 2;
    private static final int READING_IN_ORDER = 2;
    private static final String NAME_LENGTH = "LENGTH(c.search_name)";
    private static final String SIMILARITY = "word_similarity(:key, c.search_text)";

    /**
     * The statement of one tier, or without a tier of several in one scan, selecting the customer columns,
     * {@code score} and {@code name_length}, and in one scan {@code tier} (its ordinal); {@code :limit} is left to
     * bind.
     */
    record Statement(Optional<Tier> tier, String sql, Map<String, Object> parameters) {
        Statement(Tier tier, String sql, Map<String, Object> parameters) {
            this(Optional.of(tier), sql, parameters);
        }

        /**
         * The rank of the current row of a result of this statement, whose columns after the {@code customerColumns}
         * customer columns are as above and whose code is the second.
         */
        CustomerMatch.Rank rank(ResultSet rs, int customerColumns) throws SQLException {
            // Read as the REAL the databases computed: a double parsed from its text would not compare equal to it.
            if (tier.isPresent()) {
                return new CustomerMatch.Rank(tier.get(), rs.getFloat(customerColumns + 1),
                        rs.getInt(customerColumns + 2), rs.getString(2));
            }
            return new CustomerMatch.Rank(TIERS[rs.getInt(customerColumns + 3)], rs.getFloat(customerColumns + 1),
                    rs.getInt(customerColumns + 2), rs.getString(2));
        }
    }

    private static final Tier[] TIERS = Tier.values();

    private CustomerSearchQuery() {
    }

    /**
     * The statements for {@code search} in {@code dialect}, in tier order, from the tier of its cursor on.
     *
     * @param sharedBy how many names hold a word as a whole word, counted up to {@link #COMMON} at most
     */
    static List<Statement> of(CustomerSearch search, Dialect dialect, String customerColumns,
                              ToIntFunction<String> sharedBy) {
        String q = search.query().strip();
        if (q.isEmpty()) {
            return List.of(listing(search, customerColumns));
        }
        var text = SearchText.of(q);
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("code", q.toUpperCase(Locale.ROOT));
        parameters.put("key", text.joined());

        var inName = new ArrayList<String>();
        var inContact = new ArrayList<String>();
        String needle = text.isEmpty() ? null : needle(text.words());
        if (needle != null) {
            parameters.put("pattern", dialect.containing(needle));
            inName.add(dialect.contains("c.search_text", "pattern") + " AND "
                    + dialect.contains("c.search_name", "pattern"));
            inContact.add(dialect.contains("c.search_text", "pattern"));
        }
        if (CODE_PART.matcher(q).matches()) {
            // Codes are upper-case, so the query is too, rather than a case-blind match no index answers on H2.
            parameters.put("codePattern", dialect.containing(q.toUpperCase(Locale.ROOT)));
            inName.add(dialect.contains("c.code", "codePattern"));
        }
        if (search.matchPersonalData()) {
            String digits = SearchText.digits(q);
            boolean phoneLike = PHONE_LIKE.matcher(q).matches() && digits.length() >= PHONE_MINIMUM;
            String personal = phoneLike ? digits : needle;
            if (personal != null) {
                parameters.put("personalPattern", dialect.containing(personal));
                inContact.add(dialect.contains("c.search_pii", "personalPattern"));
            }
        }
        var after = search.after().orElse(null);
        if (!dialect.indexesContains()) {
            return List.of(inOneStatement(q, text, dialect, customerColumns, inName, inContact, after, parameters));
        }
        var statements = new ArrayList<Statement>();
        if (after == null) {
            statements.add(new Statement(Tier.CODE, select(customerColumns, "1") + "c.code = :code LIMIT :limit",
                    parameters));
        }
        if (!inName.isEmpty() && reached(Tier.NAME, after)) {
            var common = needle == null ? Optional.<String>empty() : rarestIfCommon(text, sharedBy);
            if (common.isPresent()) {
                parameters.put("commonWord", common.get());
                statements.add(keyed(Tier.NAME, customerColumns, "W", "commonWord",
                        dialect.contains("c.search_name", "pattern") + notExact(), after, parameters));
            } else {
                statements.add(written(Tier.NAME, customerColumns, any(inName) + notExact(), after, parameters));
            }
        }
        if (!inContact.isEmpty() && reached(Tier.CONTACT, after)) {
            statements.add(written(Tier.CONTACT, customerColumns, any(inContact) + none(inName) + notExact(),
                    after, parameters));
        }
        if (READING.matcher(q).matches() && reached(Tier.PINYIN, after)) {
            String reading = READING_SEPARATORS.matcher(q).replaceAll("").toLowerCase(Locale.ROOT);
            if (reading.length() >= READING_MINIMUM) {
                String unlessWritten = none(inContact) + none(inName) + notExact();
                if (readInOrder(reading)) {
                    parameters.put("reading", reading);
                    statements.add(keyed(Tier.PINYIN, customerColumns, "P", "reading", "TRUE" + unlessWritten, after,
                            parameters));
                } else {
                    parameters.put("reading", dialect.key("P", reading));
                    statements.add(written(Tier.PINYIN, customerColumns, dialect.hasKey("P", List.of("reading"))
                            + unlessWritten, after, parameters));
                }
            }
        }
        if (reached(Tier.SIMILAR, after)) {
            similar(text, dialect, customerColumns, inName, inContact, after, parameters).ifPresent(statements::add);
        }
        return statements;
    }

    /**
     * Every word of {@code t} in {@code search_text}: a spelled word of {@value CustomerSearchKeys#TYPO_TOLERANT}
     * letters or more one edit away, any other as written; ranked by the word similarity of all of {@code t}. Empty
     * when that could only find what the tiers before found: one word, as written.
     */
    private static Optional<Statement> similar(SearchText text, Dialect dialect, String columns, List<String> inName,
                                               List<String> inContact, CustomerMatch.Rank after,
                                               Map<String, Object> parameters) {
        return similarMatch(text, dialect, parameters).map(everyWord -> new Statement(Tier.SIMILAR,
                select(columns, SIMILARITY) + everyWord + none(inContact) + none(inName) + notExact()
                        + keyset(after, Tier.SIMILAR, parameters) + " ORDER BY score DESC, " + NAME_LENGTH
                        + ", c.code LIMIT :limit", parameters));
    }

    /**
     * The condition of the similar tier on its own: every word of {@code t} in {@code search_text}, a spelled word of
     * {@value CustomerSearchKeys#TYPO_TOLERANT} letters or more one edit away, any other as written. Empty when that
     * could only find what the tiers before found: one word, as written.
     */
    private static Optional<String> similarMatch(SearchText text, Dialect dialect, Map<String, Object> parameters) {
        return similarSql(similarWords(text, dialect, parameters), dialect);
    }

    /**
     * Binds the similar tier's parameters of each word of {@code text}: its typo keys (the count, in the result), or
     * the word as written (-1).
     */
    private static List<Integer> similarWords(SearchText text, Dialect dialect, Map<String, Object> parameters) {
        var words = new ArrayList<Integer>(text.words().size());
        for (int i = 0; i < text.words().size(); i++) {
            String word = text.words().get(i);
            var keys = text.paired().get(i) ? Set.<String>of() : CustomerSearchKeys.typoKeys(word);
            if (!keys.isEmpty()) {
                int k = 0;
                for (String key : keys) {
                    parameters.put("typo" + i + "_" + k++, dialect.key("T", key));
                }
                words.add(keys.size());
            } else {
                parameters.put("word" + i, dialect.containing(needle(List.of(word))));
                words.add(-1);
            }
        }
        return words;
    }

    /** The similar tier's condition for words bound by {@link #similarWords}. */
    private static Optional<String> similarSql(List<Integer> words, Dialect dialect) {
        var everyWord = new ArrayList<String>();
        boolean typos = false;
        for (int i = 0; i < words.size(); i++) {
            int keys = words.get(i);
            if (keys > 0) {
                var names = new ArrayList<String>(keys);
                for (int k = 0; k < keys; k++) {
                    names.add("typo" + i + "_" + k);
                }
                everyWord.add(dialect.hasKey("T", names));
                typos = true;
            } else {
                everyWord.add(dialect.contains("c.search_text", "word" + i));
            }
        }
        if (!typos && everyWord.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(String.join(" AND ", everyWord));
    }

    /**
     * Every tier in one statement, for a database where "contains" reads the whole table anyway (H2): the code, name
     * and contact tiers in one scan that gives each customer the first of them it meets, and the pinyin and similar
     * tiers as the statements of their own would find them, through the keys' index; the page in the order of tier,
     * score (the word similarity in the similar tier, 1 in the others), name length and code, after the cursor. On
     * such a database each statement has a cost of its own that matters more than the rows it reads.
     */
    private static Statement inOneStatement(String q, SearchText text, Dialect dialect, String columns,
                                            List<String> inName, List<String> inContact, CustomerMatch.Rank after,
                                            Map<String, Object> parameters) {
        String reading = READING_SEPARATORS.matcher(q).replaceAll("").toLowerCase(Locale.ROOT);
        boolean byReading = READING.matcher(q).matches() && reading.length() >= READING_MINIMUM;
        if (byReading) {
            parameters.put("reading", dialect.key("P", reading));
        }
        var similar = similarWords(text, dialect, parameters);
        if (after != null) {
            parameters.put("afterTier", after.tier().ordinal());
            parameters.put("afterScore", (float) after.score());
            parameters.put("afterLength", after.nameLength());
            parameters.put("afterCode", after.code());
        }
        // Queries of one shape share the statement's text: a search builds only its parameters.
        var shape = new Shape(dialect, columns, inName, inContact, byReading, similar, after != null);
        String sql = ONE_STATEMENT.get(shape);
        if (sql == null) {
            sql = oneStatement(shape);
            if (ONE_STATEMENT.size() < SHAPES) {
                ONE_STATEMENT.put(shape, sql);
            }
        }
        return new Statement(Optional.empty(), sql, parameters);
    }

    /** What the text of {@link #inOneStatement} depends on. */
    private record Shape(Dialect dialect, String columns, List<String> inName, List<String> inContact,
                         boolean byReading, List<Integer> similar, boolean after) {
    }

    private static String oneStatement(Shape shape) {
        var tier = new StringBuilder("CASE WHEN c.code = :code THEN ").append(Tier.CODE.ordinal());
        if (!shape.inName().isEmpty()) {
            tier.append(" WHEN ").append(any(shape.inName())).append(" THEN ").append(Tier.NAME.ordinal());
        }
        if (!shape.inContact().isEmpty()) {
            tier.append(" WHEN ").append(any(shape.inContact())).append(" THEN ").append(Tier.CONTACT.ordinal());
        }
        String columns = shape.columns();
        var branches = new ArrayList<String>();
        branches.add("SELECT * FROM (SELECT " + columns + ", CAST(1 AS REAL) AS score, " + NAME_LENGTH
                + " AS name_length, " + tier + " END AS tier FROM customers c WHERE c.merged_into IS NULL) written "
                + "WHERE written.tier IS NOT NULL");
        String unlessWritten = none(shape.inContact()) + none(shape.inName()) + notExact();
        if (shape.byReading()) {
            branches.add("SELECT " + columns + ", CAST(1 AS REAL) AS score, " + NAME_LENGTH + " AS name_length, "
                    + Tier.PINYIN.ordinal() + " AS tier FROM customers c WHERE c.merged_into IS NULL AND "
                    + shape.dialect().hasKey("P", List.of("reading")) + unlessWritten);
        }
        similarSql(shape.similar(), shape.dialect()).ifPresent(similar -> branches.add("SELECT " + columns + ", "
                + "CAST(" + SIMILARITY + " AS REAL) AS score, " + NAME_LENGTH + " AS name_length, "
                + Tier.SIMILAR.ordinal() + " AS tier FROM customers c WHERE c.merged_into IS NULL AND " + similar
                + unlessWritten));
        String keyset = shape.after()
                ? " WHERE m.tier > :afterTier OR m.tier = :afterTier AND (m.score < :afterScore "
                + "OR m.score = :afterScore AND (m.name_length > :afterLength OR m.name_length = :afterLength "
                + "AND m.code > :afterCode))"
                : "";
        return "SELECT m.* FROM (" + String.join(" UNION ALL ", branches) + ") m" + keyset
                + " ORDER BY m.tier, m.score DESC, m.name_length, m.code LIMIT :limit";
    }

    /** Whether a page that continues after {@code after} still shows matches of {@code tier}. */
    private static boolean reached(Tier tier, CustomerMatch.Rank after) {
        return after == null || tier.compareTo(after.tier()) >= 0;
    }

    /** A blank query: every customer by code. */
    private static Statement listing(CustomerSearch search, String customerColumns) {
        var parameters = new LinkedHashMap<String, Object>();
        search.after().ifPresent(after -> parameters.put("afterCode", after.code()));
        return new Statement(Tier.NAME, "SELECT " + customerColumns + ", 1 AS score, 0 AS name_length "
                + "FROM customers c WHERE c.merged_into IS NULL" + (search.after().isPresent() ? " AND c.code > :afterCode" : "")
                + " ORDER BY c.code LIMIT :limit", parameters);
    }

    /** A tier of matches as written: shorter names first, then by code. */
    private static Statement written(Tier tier, String columns, String matches, CustomerMatch.Rank after,
                                     Map<String, Object> parameters) {
        return new Statement(tier, select(columns, "1") + matches + keyset(after, tier, parameters) + " ORDER BY "
                + NAME_LENGTH + ", c.code LIMIT :limit", parameters);
    }

    /**
     * Whether a reading is kept as a row of {@code customer_search_keys} on every database and read from its index in
     * order: one of two letters, the initials of two characters ({@code xh}), which thousands of names share; longer
     * ones are rare enough to sort.
     */
    static boolean readInOrder(String reading) {
        return reading.length() <= READING_IN_ORDER;
    }

    /**
     * A tier of the customers with the key bound as {@code :keyParameter} of {@code kind} in the rows of
     * {@code customer_search_keys} that also meet {@code matches}, in the order of the keys' index: name length, then
     * code. Each customer holds a key once.
     */
    private static Statement keyed(Tier tier, String columns, String kind, String keyParameter, String matches,
                                   CustomerMatch.Rank after, Map<String, Object> parameters) {
        String keyset = "";
        if (after != null && after.tier() == tier) {
            parameters.put("afterLength", after.nameLength());
            parameters.put("afterCode", after.code());
            keyset = " AND k.name_length >= :afterLength AND (k.name_length > :afterLength OR k.code > :afterCode)";
        }
        return new Statement(tier, "SELECT " + columns + ", 1 AS score, k.name_length AS name_length "
                + "FROM customer_search_keys k JOIN customers c ON c.id = k.customer_id "
                + "WHERE k.kind = '" + kind + "' AND k.search_key = :" + keyParameter + keyset
                + " AND c.merged_into IS NULL AND " + matches
                + " ORDER BY k.name_length, k.code LIMIT :limit", parameters);
    }

    /**
     * The word of {@code text} shared by the fewest names (counted up to {@value #COMMON}) when every word is a whole
     * word of at least {@value #COMMON} names: walking its keys in order then meets matches all along.
     */
    private static Optional<String> rarestIfCommon(SearchText text, ToIntFunction<String> sharedBy) {
        String rarest = null;
        int fewest = Integer.MAX_VALUE;
        for (String word : new LinkedHashSet<>(text.words())) {
            int shared = sharedBy.applyAsInt(word);
            if (shared < COMMON) {
                return Optional.empty();
            }
            if (shared < fewest) {
                fewest = shared;
                rarest = word;
            }
        }
        return Optional.ofNullable(rarest);
    }

    private static String select(String columns, String score) {
        // Customers merged into another never match; the condition is cheap on every row an index hands over.
        return "SELECT " + columns + ", " + score + " AS score, " + NAME_LENGTH + " AS name_length "
                + "FROM customers c WHERE c.merged_into IS NULL AND ";
    }

    /** Only rows after the cursor's, when it stands in {@code tier}. */
    private static String keyset(CustomerMatch.Rank after, Tier tier, Map<String, Object> parameters) {
        if (after == null || after.tier() != tier) {
            return "";
        }
        parameters.put("afterLength", after.nameLength());
        parameters.put("afterCode", after.code());
        String byNameAndCode = NAME_LENGTH + " > :afterLength OR " + NAME_LENGTH + " = :afterLength AND c.code > :afterCode";
        if (tier != Tier.SIMILAR) {
            return " AND (" + byNameAndCode + ")";
        }
        parameters.put("afterScore", (float) after.score());
        return " AND (" + SIMILARITY + " < :afterScore OR " + SIMILARITY + " = :afterScore AND (" + byNameAndCode + "))";
    }

    private static String any(List<String> conditions) {
        return "(" + String.join(" OR ", conditions.stream().map(c -> "(" + c + ")").toList()) + ")";
    }

    private static String none(List<String> conditions) {
        return conditions.isEmpty() ? "" : " AND NOT " + any(conditions);
    }

    private static String notExact() {
        return " AND c.code <> :code";
    }

    /** The words, or a space and the words (a word starting so) when every word is shorter than three letters. */
    private static String needle(List<String> words) {
        boolean hasTrigram = words.stream().anyMatch(word -> word.length() >= 3);
        return (hasTrigram ? "" : " ") + String.join(" ", words);
    }
}
