package dev.rapport.api.spi;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known key an unknown one was most likely meant to be: a typo of it ({@code pth} for {@code path}). */
final class NearestKey {
    private NearestKey() {
    }

    /**
     * The known key within a few edits of {@code unknown} (a third of its length, at least one, at most three: so
     * that short keys are not matched to anything), the nearest first and then by name; empty when none is that
     * near.
     */
    static Optional<String> to(String unknown, Collection<String> known) {
        int allowed = Math.clamp(unknown.length() / 3, 1, 3);
        return known.stream()
                .filter(k -> distance(unknown, k) <= allowed)
                .min(Comparator.<String>comparingInt(k -> distance(unknown, k)).thenComparing(Comparator.naturalOrder()));
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
