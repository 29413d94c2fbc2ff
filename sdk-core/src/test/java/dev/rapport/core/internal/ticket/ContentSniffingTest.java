package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.UnsupportedMediaTypeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentSniffingTest {
    private static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] TEXT = "order,amount\n1,20\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void bytesOfTheDeclaredTypeOrOfAKindOfItPassWhole() throws IOException {
        assertThat(passed(PNG, "image/png")).isEqualTo(PNG);
        assertThat(passed(ZIP, "application/zip")).isEqualTo(ZIP);
        assertThat(passed(ZIP, "application/x-zip-compressed")).as("an alias").isEqualTo(ZIP);
        assertThat(passed(TEXT, "text/plain")).isEqualTo(TEXT);
    }

    @Test
    void aDeclaredTypeMoreSpecificThanTheBytesCanTellPasses() throws IOException {
        assertThat(passed(ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .isEqualTo(ZIP);
        assertThat(passed(TEXT, "text/csv")).isEqualTo(TEXT);
    }

    @Test
    void bytesOfAnotherTypeAreRefused() {
        assertRefused(PNG, "application/pdf");
        assertRefused(ZIP, "image/png");
        assertRefused("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/png");
        assertRefused("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "text/plain");
    }

    @Test
    void bytesThatShowNothingFitNoType() {
        assertRefused(new byte[64], "application/pdf");
        assertRefused(new byte[64], "application/vnd.ms-outlook");
    }

    @Test
    void readingStopsAtTheLimitPlusOne() throws IOException {
        byte[] large = new byte[100_000];
        System.arraycopy(PNG, 0, large, 0, PNG.length);
        var counting = new ByteArrayInputStream(large);
        var checked = ContentSniffing.checked(counting, "image/png", 100);
        assertThat(counting.available()).as("only the first 101 bytes were read").isEqualTo(large.length - 101);
        assertThat(checked.readAllBytes()).isEqualTo(large);
    }

    private static byte[] passed(byte[] bytes, String declared) throws IOException {
        return ContentSniffing.checked(new ByteArrayInputStream(bytes), declared, 1024 * 1024).readAllBytes();
    }

    private static void assertRefused(byte[] bytes, String declared) {
        assertThatThrownBy(() -> ContentSniffing.checked(new ByteArrayInputStream(bytes), declared, 1024 * 1024))
                .as(declared).isInstanceOfSatisfying(UnsupportedMediaTypeException.class,
                        e -> assertThat(e.code()).isEqualTo("attachment.type.mismatch"));
    }
}
