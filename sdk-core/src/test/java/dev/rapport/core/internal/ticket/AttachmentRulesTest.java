package dev.rapport.core.internal.ticket;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentRulesTest {
    @Test
    void aDisplayNameKeepsOnlyWhatFollowsTheLastSeparator() {
        assertThat(AttachmentRules.displayName("../../etc/passwd")).contains("passwd");
        assertThat(AttachmentRules.displayName("..\\..\\win.ini")).contains("win.ini");
        assertThat(AttachmentRules.displayName("C:\\Users\\li\\报价单 Q4.pdf")).contains("报价单 Q4.pdf");
        assertThat(AttachmentRules.displayName("/var/tmp/../x/report final.docx")).contains("report final.docx");
        assertThat(AttachmentRules.displayName("invoice.pdf")).contains("invoice.pdf");
    }

    @Test
    void invisibleCharactersAreDroppedAndTheNameComposed() {
        assertThat(AttachmentRules.displayName("a\u0000b\r\n\t.txt")).contains("ab.txt");
        assertThat(AttachmentRules.displayName("invoice\u202Efdp.exe")).contains("invoicefdp.exe");
        assertThat(AttachmentRules.displayName("..\u0000/..\u2028/passwd")).contains("passwd");
        assertThat(AttachmentRules.displayName("Cafe\u0301.txt")).contains("Caf\u00e9.txt");
        assertThat(AttachmentRules.displayName("  spaced.txt  ")).contains("spaced.txt");
    }

    @Test
    void nothingLeftOrOnlyDotsIsNoName() {
        for (String empty : List.of("", "   ", ".", "..", "...", "dir/", "../", "..\\..\\", "\u0000\u0001", "/")) {
            assertThat(AttachmentRules.displayName(empty)).as("'%s'", empty).isEmpty();
        }
        assertThat(AttachmentRules.displayName(null)).isEmpty();
    }

    @Test
    void anOverlongNameIsShortenedKeepingItsExtensionAndWholeCharacters() {
        String emoji = "\uD83D\uDCC4";
        String name = emoji.repeat(300) + ".pdf";

        String shown = AttachmentRules.displayName(name).orElseThrow();

        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(AttachmentRules.MAX_FILENAME);
        assertThat(shown).endsWith(emoji + ".pdf");
        assertThat(AttachmentRules.displayName("x".repeat(400)).orElseThrow()).hasSize(AttachmentRules.MAX_FILENAME);
        assertThat(AttachmentRules.displayName("y".repeat(255) + ".txt").orElseThrow())
                .hasSize(AttachmentRules.MAX_FILENAME).endsWith("y.txt");
    }

    @Test
    void aMediaTypeIsTheContentTypeWithoutParametersInLowerCase() {
        assertThat(AttachmentRules.mediaType("Text/Plain; charset=UTF-8")).contains("text/plain");
        assertThat(AttachmentRules.mediaType(" application/pdf ")).contains("application/pdf");
        assertThat(AttachmentRules.mediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        for (String malformed : List.of("", "text", "text/", "/plain", "text/plain/x", "te xt/plain", "text/plain\r\nX: y")) {
            assertThat(AttachmentRules.mediaType(malformed)).as(malformed).isEmpty();
        }
        assertThat(AttachmentRules.mediaType(null)).isEmpty();
    }
}
