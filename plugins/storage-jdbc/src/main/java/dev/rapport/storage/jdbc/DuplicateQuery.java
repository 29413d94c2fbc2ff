package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.DuplicateProbe;
import dev.rapport.storage.jdbc.search.SearchText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL that finds the customers a {@link DuplicateProbe} may duplicate. Each way in is indexed on PostgreSQL: the
 * contacts' phone and lower-cased e-mail by B-trees; close names through the trigram index of {@code search_text}
 * (name and contact names), with the name similarity as threshold. That index can only prefilter: a name at least
 * that similar to the probe's is, as a run of {@code search_text}, at least that word-similar to it; the similarity
 * of the names themselves decides.
 *
 * @param fuzzy whether the SQL matches names through the index, which needs the threshold set first
 * @param lists the parameters bound as lists ({@code <phones>}, {@code <emails>})
 */
record DuplicateQuery(String sql, Map<String, Object> parameters, Map<String, List<String>> lists, boolean fuzzy) {
    /** Empty when the probe has nothing to match by: no name words, no phone, no e-mail. */
    static Optional<DuplicateQuery> of(DuplicateProbe probe, Dialect dialect) {
        var parameters = new LinkedHashMap<String, Object>();
        var lists = new LinkedHashMap<String, List<String>>();
        String name = SearchText.of(probe.name()).joined();
        parameters.put("name", name);
        parameters.put("threshold", probe.minNameSimilarity());
        parameters.put("limit", probe.limit());

        var contactMatches = new ArrayList<String>();
        String samePhone = "FALSE";
        String sameEmail = "FALSE";
        if (!probe.phones().isEmpty()) {
            lists.put("phones", List.copyOf(probe.phones()));
            samePhone = "EXISTS (SELECT 1 FROM contacts p WHERE p.customer_id = c.id AND p.phone IN (<phones>))";
            contactMatches.add("k.phone IN (<phones>)");
        }
        if (!probe.emails().isEmpty()) {
            lists.put("emails", List.copyOf(probe.emails()));
            sameEmail = "EXISTS (SELECT 1 FROM contacts e WHERE e.customer_id = c.id AND e.email_key IN (<emails>))";
            contactMatches.add("k.email_key IN (<emails>)");
        }
        var matches = new ArrayList<String>();
        boolean fuzzy = !name.isEmpty();
        if (fuzzy) {
            matches.add("(" + dialect.wordSimilar(":name", "c.search_text")
                    + " AND similarity(:name, c.search_name) >= :threshold)");
        }
        if (!contactMatches.isEmpty()) {
            matches.add("c.id IN (SELECT k.customer_id FROM contacts k WHERE " + String.join(" OR ", contactMatches)
                    + ")");
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        String suspects = "SELECT c.id, c.code, c.name, similarity(:name, c.search_name) AS closeness, " + samePhone
                + " AS same_phone, " + sameEmail + " AS same_email FROM customers c WHERE " + String.join(" OR ", matches);
        return Optional.of(new DuplicateQuery("SELECT s.* FROM (" + suspects + ") s "
                + "ORDER BY CASE WHEN s.same_phone OR s.same_email THEN 0 ELSE 1 END, s.closeness DESC, s.code "
                + "LIMIT :limit", parameters, lists, fuzzy));
    }
}
