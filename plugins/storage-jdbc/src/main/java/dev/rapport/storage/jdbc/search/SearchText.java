package dev.rapport.storage.jdbc.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text in the form this storage indexes for search: lower-case ASCII words ({@code [a-z0-9]+}) separated by single
 * spaces. Both sides of every comparison, stored columns and queries, go through it.
 *
 * <p>Why ASCII: pg_trgm decides what a word character is by the database's locale ({@code LC_CTYPE}). In a
 * {@code C} database it drops every Chinese character; under {@code C.UTF-8} it keeps them, but a Chinese name has no
 * spaces, so its trigrams span the whole name and {@code 星河} shares none with {@code 上海星河贸易}. Folding
 * everything to ASCII first makes matching the same on every PostgreSQL server and on H2:
 * <ul>
 *   <li>Latin text: compatibility-normalised (full-width letters become ASCII), accents dropped, lower case.</li>
 *   <li>Chinese, Japanese and Korean characters: each becomes a four-symbol code, a digit and three letters, and a
 *       run of them becomes the words of its adjacent pairs ({@code 上海星河} → {@code 上海 海星 星河}, each pair its
 *       two codes; a lone character is its own code). A pair is an eight-symbol word with trigrams of its own, so
 *       a two-character query is a selective index lookup, a one-character query is a part of a word, and no
 *       code can be found at an offset inside another because only the first symbol of a code is a digit.</li>
 *   <li>Other letters: their code, inside the word they belong to.</li>
 * </ul>
 */
public record SearchText(List<String> words, List<Boolean> paired) {
    private static final int LETTERS = 26 * 26 * 26;
    /** A digit and three letters: enough for every character of the Basic Multilingual Plane and the Han planes. */
    private static final int CODES = 10 * LETTERS;
    private static final Set<Character.UnicodeScript> PAIRED_SCRIPTS = Set.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL,
            Character.UnicodeScript.BOPOMOFO);

    /**
     * @param words  the words, never empty strings
     * @param paired for each word, whether it stands for a pair (or a lone one) of Chinese, Japanese or Korean
     *               characters rather than spelled letters
     */
    public SearchText {
        words = List.copyOf(words);
        paired = List.copyOf(paired);
        if (paired.size() != words.size()) {
            throw new IllegalArgumentException("one paired flag per word");
        }
    }

    /** The search form of {@code text}; null is empty. */
    public static SearchText of(String text) {
        var builder = new Builder();
        if (text != null) {
            Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints().forEach(builder::accept);
        }
        return builder.build();
    }

    /** Only the digits of {@code text}, as ASCII: the searchable form of a phone number. */
    public static String digits(String text) {
        var digits = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints()
                .filter(c -> c >= '0' && c <= '9')
                .forEach(digits::appendCodePoint);
        return digits.toString();
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** The words separated by single spaces. */
    public String joined() {
        return String.join(" ", words);
    }

    /**
     * The form stored in a column: the words, each after a space ({@code " acme trading"}), so that a pattern can
     * ask for a word that starts with something ({@code "% ac%"}); empty when there are no words.
     */
    public String column() {
        return words.isEmpty() ? "" : " " + joined();
    }

    /** The words of several texts in order, as one text. */
    public static SearchText concat(List<SearchText> parts) {
        var words = new ArrayList<String>();
        var paired = new ArrayList<Boolean>();
        for (var part : parts) {
            words.addAll(part.words);
            paired.addAll(part.paired);
        }
        return new SearchText(words, paired);
    }

    private static boolean paired(int codePoint) {
        if (PAIRED_SCRIPTS.contains(Character.UnicodeScript.of(codePoint))) {
            return true;
        }
        // The prolonged-sound mark and its kin belong to no script but are part of Japanese words.
        var block = Character.UnicodeBlock.of(codePoint);
        return Character.isLetter(codePoint)
                && (block == Character.UnicodeBlock.KATAKANA || block == Character.UnicodeBlock.HIRAGANA);
    }

    private static boolean mark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String code(int codePoint) {
        // Injective on the BMP and on the Han planes (U+20000 on), which is where CJK characters live.
        int value = codePoint < 0x10000 ? codePoint : 0x10000 + Math.floorMod(codePoint - 0x20000, CODES - 0x10000);
        int letters = value % LETTERS;
        return new String(new char[]{(char) ('0' + value / LETTERS), (char) ('a' + letters / 676),
                (char) ('a' + letters / 26 % 26), (char) ('a' + letters % 26)});
    }

    /** Splits text into words as it is fed code point by code point. */
    private static final class Builder {
        private final List<String> words = new ArrayList<>();
        private final List<Boolean> paired = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private final List<Integer> run = new ArrayList<>();

        void accept(int codePoint) {
            if (mark(codePoint)) {
                return; // an accent that did not compose with its letter: ignored like the composed ones
            }
            if (paired(codePoint)) {
                endWord();
                run.add(codePoint);
            } else if (Character.isLetterOrDigit(codePoint)) {
                endRun();
                fold(codePoint);
            } else {
                endRun();
                endWord();
            }
        }

        SearchText build() {
            endRun();
            endWord();
            return new SearchText(words, paired);
        }

        /** Appends the letter without its accents, in lower case, as ASCII where it has an ASCII form. */
        private void fold(int codePoint) {
            if (codePoint < 0x80) {
                word.append(Character.toLowerCase((char) codePoint));
                return;
            }
            Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
                    .codePoints()
                    .filter(c -> !mark(c))
                    .forEach(c -> word.append(c < 0x80 && Character.isLetterOrDigit(c) ? Character.toString(c) : code(c)));
        }

        private void endWord() {
            if (!word.isEmpty()) {
                add(word.toString(), false);
                word.setLength(0);
            }
        }

        private void endRun() {
            if (run.size() == 1) {
                add(code(run.getFirst()), true);
            }
            for (int i = 1; i < run.size(); i++) {
                add(code(run.get(i - 1)) + code(run.get(i)), true);
            }
            run.clear();
        }

        private void add(String text, boolean pair) {
            words.add(text);
            paired.add(pair);
        }
    }
}
