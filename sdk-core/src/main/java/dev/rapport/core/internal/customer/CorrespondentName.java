package dev.rapport.core.internal.customer;

import dev.rapport.api.ticket.Correspondent;
import dev.rapport.api.ticket.IntakeChannel;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The name of a customer a channel's message creates: the name the sender gave, unless it is contact data, else the
 * channel, the day and the masked contact ({@code Web form 2026-12-06 · 139****5670}). A name is shown to every role
 * and searched by all of them, so no phone, e-mail or handle may stand in it unmasked.
 */
public final class CorrespondentName {
    /** Six digits in a row or spread out make a phone number, or enough of one to find it. */
    private static final int MAX_DIGITS = 5;

    private CorrespondentName() {
    }

    static String of(Correspondent who, IntakeChannel channel, LocalDate day) {
        return who.name().filter(name -> !isContactData(name, who)).orElseGet(() -> label(channel) + " " + day + " · "
                + who.phone().map(CorrespondentName::maskedPhone).or(() -> who.email().map(PersonalData::maskEmail))
                .or(() -> who.handle().map(PersonalData::maskPhone)).orElse("****"));
    }

    /** Whether {@code name}, as {@code who} gave it, holds contact data: an address, a number or their handle. */
    public static boolean isContactData(String name, Correspondent who) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.indexOf('@') >= 0 || name.chars().filter(Character::isDigit).count() > MAX_DIGITS
                || who.handle().map(h -> lower.contains(h.toLowerCase(Locale.ROOT))).orElse(false)
                // A local part of three or more characters: "li" alone is a name as often as it is an address.
                || who.email().map(CorrespondentName::localPart).filter(l -> l.length() >= 3).map(lower::contains)
                .orElse(false);
    }

    private static String localPart(String email) {
        return email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
    }

    private static String maskedPhone(String phone) {
        return PersonalData.maskPhone(phone.replaceAll("[^0-9+]", ""));
    }

    private static String label(IntakeChannel channel) {
        return switch (channel) {
            case WEB -> "Web form";
            case EMAIL -> "E-mail";
            case CHAT -> "Chat";
            case PHONE -> "Phone";
            case WALK_IN -> "Walk-in";
            case PORTAL -> "Portal";
            case OTHER -> "Message";
        };
    }
}
