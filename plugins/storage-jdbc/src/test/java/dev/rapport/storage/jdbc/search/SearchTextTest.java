package dev.rapport.storage.jdbc.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {
    @Test
    void latinTextBecomesLowerCaseAsciiWordsWithoutAccentsOrPunctuation() {
        var text = SearchText.of("  Café Müller (HK) — ＡＢＣ１２３, Co.,Ltd. ");

        assertThat(text.joined()).isEqualTo("cafe muller hk abc123 co ltd");
        assertThat(text.column()).isEqualTo(" cafe muller hk abc123 co ltd");
        assertThat(text.paired()).containsOnly(false);
    }

    @Test
    void aRunOfChineseCharactersBecomesTheWordsOfItsAdjacentPairs() {
        var run = SearchText.of("上海星河");
        var pair = SearchText.of("星河");
        var single = SearchText.of("星");

        assertThat(run.words()).hasSize(3).allMatch(word -> word.matches("\\d[a-z]{3}\\d[a-z]{3}"));
        assertThat(run.words().get(2)).isEqualTo(pair.joined());
        assertThat(single.joined()).matches("\\d[a-z]{3}").isEqualTo(pair.joined().substring(0, 4));
        assertThat(run.paired()).containsOnly(true);
    }

    @Test
    void scriptsBreakWordsAndSpacesBreakRuns() {
        var mixed = SearchText.of("ACME星河 科技");

        assertThat(mixed.words()).hasSize(3);
        assertThat(mixed.paired()).containsExactly(false, true, true);
        assertThat(mixed.words().getFirst()).isEqualTo("acme");
        assertThat(mixed.words().get(1)).isEqualTo(SearchText.of("星河").joined());
        assertThat(mixed.words().get(2)).isEqualTo(SearchText.of("科技").joined());
    }

    @Test
    void japaneseWordsKeepTheirProlongedSoundMark() {
        assertThat(SearchText.of("コーヒー").words()).hasSize(3);
    }

    @Test
    void differentCharactersGetDifferentCodes() {
        assertThat(SearchText.of("上").joined()).isNotEqualTo(SearchText.of("下").joined());
        assertThat(SearchText.of("𠀀").joined()).isNotEqualTo(SearchText.of("一").joined());
    }

    @Test
    void noWordsIsAnEmptyColumn() {
        assertThat(SearchText.of(" %_! ").column()).isEmpty();
        assertThat(SearchText.of(null).isEmpty()).isTrue();
    }

    @Test
    void phonesKeepTheirDigitsOnly() {
        assertThat(SearchText.digits("+86 138-1234 (5678)")).isEqualTo("8613812345678");
    }
}
