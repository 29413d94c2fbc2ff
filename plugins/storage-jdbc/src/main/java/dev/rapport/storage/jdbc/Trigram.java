package dev.rapport.storage.jdbc;

/** pg_trgm's two fuzzy matches: each has an operator its indexes answer, a function, and a threshold setting. */
enum Trigram {
    /** The query is similar to some run of words of the text: {@code word_similarity}, {@code <%}. */
    WORD_SIMILARITY("word_similarity", "<%", "pg_trgm.word_similarity_threshold"),
    /** The two texts are similar as a whole: {@code similarity}, {@code %}. */
    SIMILARITY("similarity", "%", "pg_trgm.similarity_threshold");

    private final String function;
    private final String operator;
    private final String setting;

    Trigram(String function, String operator, String setting) {
        this.function = function;
        this.operator = operator;
        this.setting = setting;
    }

    String function() {
        return function;
    }

    String operator() {
        return operator;
    }

    String setting() {
        return setting;
    }
}
