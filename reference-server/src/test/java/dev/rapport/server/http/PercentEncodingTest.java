package dev.rapport.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodingTest {
    @Test
    void percentEncodedUtf8IsDecoded() {
        assertThat(PercentEncoding.decode("%E6%8A%A5%E4%BB%B7%E5%8D%95%20Q4.pdf")).isEqualTo("报价单 Q4.pdf");
        assertThat(PercentEncoding.decode("%2e%2e%2fx")).isEqualTo("../x");
        assertThat(PercentEncoding.decode("plain name.txt")).isEqualTo("plain name.txt");
        assertThat(PercentEncoding.decode("a+b.txt")).as("a plus is not a space here").isEqualTo("a+b.txt");
    }

    @Test
    void whatIsNotPercentEncodingStaysAsItIs() {
        assertThat(PercentEncoding.decode("100%.txt")).isEqualTo("100%.txt");
        assertThat(PercentEncoding.decode("50%")).isEqualTo("50%");
        assertThat(PercentEncoding.decode("%FF%FE.txt")).as("not UTF-8").isEqualTo("%FF%FE.txt");
        assertThat(PercentEncoding.decode("%41é")).as("not ASCII").isEqualTo("%41é");
        assertThat(PercentEncoding.decode("%4１")).as("only ASCII hex digits").isEqualTo("%4１");
    }

    @Test
    void encodingLeavesOnlyHeaderSafeCharacters() {
        assertThat(PercentEncoding.encode("报价单 Q4.pdf")).isEqualTo("%E6%8A%A5%E4%BB%B7%E5%8D%95%20Q4.pdf");
        assertThat(PercentEncoding.encode("a\"; b=\r\n\\c")).isEqualTo("a%22%3B%20b%3D%0D%0A%5Cc");
        assertThat(PercentEncoding.encode("report-2026_v1.2.pdf")).isEqualTo("report-2026_v1.2.pdf");
        assertThat(PercentEncoding.decode(PercentEncoding.encode("Über 100% 🙂.txt"))).isEqualTo("Über 100% 🙂.txt");
    }
}
