package dev.rapport.core.internal.customer;

import dev.rapport.api.ticket.Correspondent;
import dev.rapport.api.ticket.IntakeChannel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CorrespondentNameTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    @Test
    void aGivenNameWithoutContactDataIsTheName() {
        var who = new Correspondent(Optional.of("王芳 Wang Fang"), Optional.of("wang.fang@example.cn"),
                Optional.of("+86 139 1234 5670"), Optional.empty());

        assertThat(CorrespondentName.of(who, IntakeChannel.WEB, DAY)).isEqualTo("王芳 Wang Fang");
    }

    @Test
    void withoutANameTheChannelTheDayAndTheMaskedContactNameTheCustomer() {
        var byPhone = new Correspondent(Optional.empty(), Optional.of("li@example.cn"), Optional.of("+86 139 1234 5670"),
                Optional.empty());
        var byMail = Correspondent.byEmail("zhou.min@example.cn", Optional.empty());
        var byHandle = new Correspondent(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("U024BE7LH"));

        assertThat(CorrespondentName.of(byPhone, IntakeChannel.WEB, DAY))
                .isEqualTo("Web form 2026-12-06 · +86****5670");
        assertThat(CorrespondentName.of(byMail, IntakeChannel.EMAIL, DAY))
                .isEqualTo("E-mail 2026-12-06 · z***@example.cn");
        assertThat(CorrespondentName.of(byHandle, IntakeChannel.CHAT, DAY)).isEqualTo("Chat 2026-12-06 · ****LH");
    }

    @Test
    void aNameThatHoldsContactDataIsNotTaken() {
        var phoneAsName = new Correspondent(Optional.of("call 139-1234-5670"), Optional.empty(),
                Optional.of("13912345670"), Optional.empty());
        var addressAsName = Correspondent.byEmail("zhou.min@example.cn", Optional.of("zhou.min@example.cn"));
        var localPartAsName = Correspondent.byEmail("zhou.min@example.cn", Optional.of("Zhou.Min"));
        var handleAsName = new Correspondent(Optional.of("u024be7lh"), Optional.empty(), Optional.empty(),
                Optional.of("U024BE7LH"));

        assertThat(CorrespondentName.of(phoneAsName, IntakeChannel.WEB, DAY))
                .isEqualTo("Web form 2026-12-06 · 139****5670");
        assertThat(CorrespondentName.of(addressAsName, IntakeChannel.WEB, DAY)).doesNotContain("zhou.min");
        assertThat(CorrespondentName.of(localPartAsName, IntakeChannel.EMAIL, DAY)).doesNotContain("zhou.min")
                .doesNotContain("Zhou.Min");
        assertThat(CorrespondentName.of(handleAsName, IntakeChannel.CHAT, DAY)).isEqualTo("Chat 2026-12-06 · ****LH");
    }
}
