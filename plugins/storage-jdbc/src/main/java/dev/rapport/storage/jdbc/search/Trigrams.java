package dev.rapport.storage.jdbc.search;

import java.util.Arrays;
import java.util.HashMap;

/**
 * pg_trgm's {@code similarity} and {@code word_similarity} for the ASCII text of {@link SearchText}, computed the way
 * PostgreSQL computes them, down to the last bit of the {@code real} result. H2 calls these (they are registered
 * under pg_trgm's names by the H2 migration), so that both databases find and rank the same customers.
 *
 * <p>A word is a run of ASCII letters and digits, in lower case, padded with two spaces before and one after; its
 * trigrams are its runs of three characters ({@code "ab"} → {@code "  a", " ab", "ab "}).
 */
public final class Trigrams {
    private Trigrams() {
    }

    /**
     * The share of trigrams the two texts have in common: shared / (distinct in either), from 0 to 1; null when
     * either is null, as in PostgreSQL.
     */
    public static Float similarity(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        int[] x = distinct(trigrams(a));
        int[] y = distinct(trigrams(b));
        if (x.length == 0 || y.length == 0) {
            return 0f;
        }
        int shared = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                shared++;
                i++;
                j++;
            }
        }
        return ratio(shared, x.length, y.length);
    }

    /**
     * How well {@code query} matches some run of {@code text}: the greatest similarity between the query's trigrams
     * and a continuous stretch of the text's trigrams, found the way pg_trgm does (one pass that widens the stretch
     * to each trigram of the query and narrows it from the left while that helps). Null when either is null.
     */
    public static Float wordSimilarity(String query, String text) {
        if (query == null || text == null) {
            return null;
        }
        int[] queryTrigrams = trigrams(query);
        int[] textTrigrams = trigrams(text);
        // Number every distinct trigram of either text; found[n] tells whether trigram n is one of the query's.
        var numbers = new HashMap<Integer, Integer>();
        boolean[] found = new boolean[queryTrigrams.length + textTrigrams.length];
        for (int trigram : queryTrigrams) {
            found[numbers.computeIfAbsent(trigram, t -> numbers.size())] = true;
        }
        int queryDistinct = numbers.size();
        int[] positions = new int[textTrigrams.length];
        for (int i = 0; i < textTrigrams.length; i++) {
            positions[i] = numbers.computeIfAbsent(textTrigrams[i], t -> numbers.size());
        }
        return widest(positions, found, queryDistinct);
    }

    private static float widest(int[] text, boolean[] found, int queryDistinct) {
        int[] lastPosition = new int[found.length];
        Arrays.fill(lastPosition, -1);
        int lower = -1;
        int distinct = 0;
        int shared = 0;
        float best = 0f;
        for (int upper = 0; upper < text.length; upper++) {
            int trigram = text[upper];
            if (lower >= 0 || found[trigram]) {
                if (lastPosition[trigram] < 0) {
                    distinct++;
                    if (found[trigram]) {
                        shared++;
                    }
                }
                lastPosition[trigram] = upper;
            }
            if (!found[trigram]) {
                continue;
            }
            if (lower == -1) {
                lower = upper;
                distinct = 1;
            }
            float current = ratio(shared, queryDistinct, distinct);
            // Try each later start for the stretch ending here; keep the best one as the new start.
            int candidateShared = shared;
            int candidateDistinct = distinct;
            int previousLower = lower;
            for (int start = lower; start <= upper; start++) {
                float candidate = ratio(candidateShared, queryDistinct, candidateDistinct);
                if (candidate > current) {
                    current = candidate;
                    distinct = candidateDistinct;
                    shared = candidateShared;
                    lower = start;
                }
                int leaving = text[start];
                if (lastPosition[leaving] == start) {
                    candidateDistinct--;
                    if (found[leaving]) {
                        candidateShared--;
                    }
                }
            }
            best = Math.max(best, current);
            for (int start = previousLower; start < lower; start++) {
                if (lastPosition[text[start]] == start) {
                    lastPosition[text[start]] = -1;
                }
            }
        }
        return best;
    }

    /** pg_trgm's CALCSML, in single precision as there. */
    private static float ratio(int shared, int distinctA, int distinctB) {
        return (float) shared / (float) (distinctA + distinctB - shared);
    }

    /** The trigrams of every word in order, each packed into an int, duplicates kept. */
    private static int[] trigrams(String text) {
        int[] out = new int[text.length() * 2 + 2];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            if (!wordCharacter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && wordCharacter(text.charAt(i))) {
                i++;
            }
            // "  word " → every run of three characters
            int a = ' ';
            int b = ' ';
            for (int k = start; k <= i; k++) {
                int c = k < i ? Character.toLowerCase(text.charAt(k)) : ' ';
                out[count++] = a << 16 | b << 8 | c;
                a = b;
                b = c;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static int[] distinct(int[] trigrams) {
        return Arrays.stream(trigrams).sorted().distinct().toArray();
    }

    private static boolean wordCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
