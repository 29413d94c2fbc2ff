package dev.rapport.core.internal.survey;

import java.net.URI;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The reply that takes a survey's link to the customer, in zh-CN or en, from {@code invitation_<locale>.properties}:
 * {0} the ticket number, {1} the link, {2} until when it is valid, in the business time zone.
 */
final class InvitationText {
    private static final String BUNDLE = "dev.rapport.core.internal.survey.invitation";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle chinese = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE, NO_FALLBACK);
    private final ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_FALLBACK);
    private final DateTimeFormatter times;

    InvitationText(ZoneId zone) {
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** The text in {@code locale}'s language: Chinese for any {@code zh}, else English. */
    String of(Locale locale, String ticketNumber, URI link, Instant expiresAt) {
        boolean zh = "zh".equals(locale.getLanguage());
        var messages = zh ? chinese : english;
        return new MessageFormat(messages.getString("invitation"), zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH)
                .format(new Object[]{ticketNumber, link.toString(), times.format(expiresAt)});
    }
}
