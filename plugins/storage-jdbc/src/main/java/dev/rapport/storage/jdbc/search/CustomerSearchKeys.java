package dev.rapport.storage.jdbc.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The storage's own search keys of one customer, the rows of {@code customer_search_keys} it writes with every insert
 * and update: exact strings looked up by equality, so that each lookup is one B-tree range on both databases.
 *
 * @param nameLength the length of the customer's {@link CustomerSearchColumns#name()}: the order every tier sorts by
 * @param words      the words of the name's {@link SearchText} (Latin words and pairs of Chinese characters): a query
 *                   word that thousands of names share is answered from these in order
 * @param typos      for each Latin word of the name and the contacts' names, the word itself when it has
 *                   {@value #TYPO_MINIMUM} letters or more, and each of its one-letter deletions when it has
 *                   {@value #TYPO_TOLERANT} or more. Two words one edit apart (a letter wrong, missing or added, or two
 *                   adjacent letters swapped) always share one of these keys: delete the wrong, added or first swapped
 *                   letter.
 */
public record CustomerSearchKeys(int nameLength, Set<String> words, Set<String> typos) {
    /** The shortest query word that typos are tolerated in. */
    public static final int TYPO_TOLERANT = 4;
    /** The shortest stored word a typo key is kept for: a four-letter query word with a letter added. */
    private static final int TYPO_MINIMUM = TYPO_TOLERANT - 1;
    /** Longer words keep their first deletions only: no name has words this long but identifiers, which need none. */
    private static final int DELETIONS_UP_TO = 24;

    public CustomerSearchKeys {
        words = Set.copyOf(words);
        typos = Set.copyOf(typos);
    }

    public static CustomerSearchKeys of(String name, List<String> contactNames) {
        Objects.requireNonNull(name, "name");
        var nameText = SearchText.of(name);
        var typos = new LinkedHashSet<String>();
        addTypoKeys(nameText, typos);
        contactNames.forEach(contact -> addTypoKeys(SearchText.of(contact), typos));
        return new CustomerSearchKeys(nameText.column().length(), new LinkedHashSet<>(nameText.words()), typos);
    }

    /**
     * The keys a query word is looked up by: the word and its one-letter deletions. Empty when typos are not
     * tolerated in it (fewer than {@value #TYPO_TOLERANT} letters).
     */
    public static Set<String> typoKeys(String word) {
        var keys = new LinkedHashSet<String>();
        if (word.length() >= TYPO_TOLERANT) {
            addWord(word, keys);
        }
        return keys;
    }

    private static void addTypoKeys(SearchText text, Set<String> keys) {
        for (int i = 0; i < text.words().size(); i++) {
            String word = text.words().get(i);
            if (!text.paired().get(i) && word.length() >= TYPO_MINIMUM) {
                addWord(word, keys);
            }
        }
    }

    private static void addWord(String word, Set<String> keys) {
        keys.add(word);
        if (word.length() < TYPO_TOLERANT) {
            return;
        }
        for (int i = 0; i < Math.min(word.length(), DELETIONS_UP_TO); i++) {
            keys.add(word.substring(0, i) + word.substring(i + 1));
        }
    }
}
