package dev.rapport.toolkit.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpSettingsTest {
    @Test
    void aRelayWithoutSignInTakesMailPlainAndSaysSo() {
        var relay = new SmtpSettings("127.0.0.1", 25, Optional.empty(), Optional.empty(), false,
                Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThat(relay.properties()).containsEntry("mail.smtp.host", "127.0.0.1").containsEntry("mail.smtp.port", "25")
                .containsEntry("mail.smtp.auth", "false").containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "10000").doesNotContainKey("mail.smtp.starttls.enable")
                .doesNotContainKey("mail.smtp.writetimeout");
        assertThat(relay).hasToString("smtp://127.0.0.1:25");
    }

    @Test
    void aSignedInServerRequiresStarttlsChecksItsNameAndNeverShowsThePassword() {
        var server = new SmtpSettings("smtp.example.cn", 587, Optional.of("support"), Optional.of("s3cret-pass"), true,
                Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThat(server.properties()).containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
        assertThat(server.toString()).isEqualTo("smtp://support@smtp.example.cn:587 with STARTTLS")
                .doesNotContain("s3cret");
        assertThat(server.peer()).isEqualTo("smtp.example.cn:587");
    }
}
