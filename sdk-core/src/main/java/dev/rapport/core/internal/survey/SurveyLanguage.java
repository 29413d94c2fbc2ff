package dev.rapport.core.internal.survey;

import dev.rapport.api.security.User;
import dev.rapport.api.ticket.TicketMessage;

import java.util.List;
import java.util.Locale;

/**
 * The language a customer is surveyed in, zh-CN or en. Customers have no language of their own on file, so it is the
 * language they last wrote to us in on a channel: any Chinese character makes it Chinese, Latin letters alone English;
 * without a message it is Chinese, the product's default.
 */
public final class SurveyLanguage {
    private SurveyLanguage() {
    }

    /** The language of the customer's latest message in {@code conversation}, oldest first. */
    public static Locale of(List<TicketMessage> conversation) {
        return conversation.reversed().stream()
                .filter(m -> m.direction() == TicketMessage.Direction.INBOUND)
                .findFirst()
                .map(m -> of(m.subject().orElse("") + " " + m.body()))
                .orElse(User.DEFAULT_LOCALE);
    }

    static Locale of(String text) {
        boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        boolean latin = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
        return chinese || !latin ? User.DEFAULT_LOCALE : Locale.ENGLISH;
    }
}
