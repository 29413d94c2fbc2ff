package dev.rapport.core.internal.customer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PinyinReadingsTest {
    @Test
    void everyRunOfTwoToFourCharactersIsReadInFullPinyinAndByItsInitials() {
        var readings = PinyinReadings.of("上海星河贸易有限公司", List.of());

        assertThat(readings).contains("xinghe", "shanghaixinghe", "xinghemaoyi", "maoyi", "xh", "shxh", "xhmy", "my");
        assertThat(readings).as("one character alone would find every name with it").doesNotContain("xing", "x");
        assertThat(readings).as("five characters are more than a run").doesNotContain("shanghaixinghemao", "shxhm");
        assertThat(readings).as("the legal form nearly every company ends in")
                .doesNotContain("youxiangongsi", "yxgs", "gongsi", "gs", "maoyiyou");
        assertThat(readings).allMatch(reading -> reading.matches("[a-z]+"));
    }

    @Test
    void aPolyphonicCharacterCountsWithEveryReading() {
        assertThat(PinyinReadings.of("中国银行", List.of())).contains("yinhang", "yinxing", "zgyh", "zgyx");
        assertThat(PinyinReadings.of("银行有限公司", List.of())).as("行 is also read heng")
                .containsExactlyInAnyOrder("yinhang", "yinxing", "yinheng", "yh", "yx");
        assertThat(PinyinReadings.of("重庆长安汽车", List.of())).contains("chongqing", "zhongqing", "changan", "zhangan",
                "cq", "zq");
    }

    @Test
    void contactNamesAreReadTooAndLatinTextBreaksARun() {
        var readings = PinyinReadings.of("Acme 星河 Ltd", List.of("王芳"));

        assertThat(readings).contains("xinghe", "xh", "wangfang", "wf");
        assertThat(PinyinReadings.of("Acme Ltd", List.of("Anna"))).isEmpty();
    }

    @Test
    void uWithUmlautIsWrittenV() {
        assertThat(PinyinReadings.of("绿地", List.of())).contains("lvdi", "ld");
    }

    @Test
    void aNameOfManyPolyphonicCharactersKeepsABoundedNumberOfReadings() {
        assertThat(PinyinReadings.of("行长重乐行长重乐行长重乐", List.of()).size())
                .isLessThanOrEqualTo(12 * 4 * 2 * PinyinReadings.VARIANTS);
    }
}
