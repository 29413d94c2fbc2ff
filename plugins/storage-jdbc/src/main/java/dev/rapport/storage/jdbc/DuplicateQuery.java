package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.DuplicateProbe;
import dev.rapport.storage.jdbc.search.CustomerSearchColumns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL that finds the customers a {@link DuplicateProbe} may duplicate: those with one of its phones or
 * (lower-cased) e-mails, through the contacts' B-trees, and those whose name without its legal form is similar
 * enough to the probe's, through the trigram index of {@code search_core}. Legal forms are left out because nearly
 * every company has one: with them, "Northwind Trading Co., Ltd." and "Northwind Trading" look different, and every
 * "…能源有限公司" looks like every other.
 *
 * @param fuzzy whether the SQL matches names through the index, which needs the threshold set first
 * @param lists the parameters bound as lists ({@code <phones>}, {@code <emails>})
 */
record DuplicateQuery(String sql, Map<String, Object> parameters, Map<String, List<String>> lists, boolean fuzzy) {
    /** Empty when the probe has nothing to match by: no name words, no phone, no e-mail. */
    static Optional<DuplicateQuery> of(DuplicateProbe probe, Dialect dialect) {
        var parameters = new LinkedHashMap<String, Object>();
        var lists = new LinkedHashMap<String, List<String>>();
        String name = CustomerSearchColumns.coreName(probe.name()).joined();
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
        // A union of ids rather than an OR: each part is answered by its own index, where an OR across the
        // customers and a subquery on the contacts would make PostgreSQL compare every customer's name.
        var candidates = new ArrayList<String>();
        boolean fuzzy = !name.isEmpty();
        if (fuzzy) {
            candidates.add("SELECT n.id FROM customers n WHERE "
                    + dialect.matches(Trigram.SIMILARITY, ":name", "n.search_core"));
        }
        if (!contactMatches.isEmpty()) {
            candidates.add("SELECT k.customer_id FROM contacts k WHERE " + String.join(" OR ", contactMatches));
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String suspects = "SELECT c.id, c.code, c.name, similarity(:name, c.search_core) AS closeness, " + samePhone
                + " AS same_phone, " + sameEmail + " AS same_email FROM customers c WHERE c.merged_into IS NULL "
                + "AND c.id IN (" + String.join(" UNION ", candidates) + ")";
        return Optional.of(new DuplicateQuery("SELECT s.* FROM (" + suspects + ") s "
                + "ORDER BY CASE WHEN s.same_phone OR s.same_email THEN 0 ELSE 1 END, s.closeness DESC, s.code "
                + "LIMIT :limit", parameters, lists, fuzzy));
    }
}
