package dev.rapport.core.customer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which phone numbers a region accepts, and their stored form. Pluggable through the SDK builder; the default
 * accepts an 11-digit mainland China mobile number or an E.164 number.
 */
@FunctionalInterface
public interface PhoneNumberRule {
    /** The number in its stored form, or empty when the region does not accept it. */
    Optional<String> normalize(String raw);

    /** What a valid number looks like, for error messages. */
    default String describe() {
        return "must be an 11-digit mainland mobile number or an E.164 number such as +8613812345678";
    }

    /** SPEC §3's default: {@code 13812345678} or {@code +8613812345678}; spaces, dashes, dots and brackets ignored. */
    static PhoneNumberRule mainlandOrE164() {
        Pattern separators = Pattern.compile("[\\s\\-.()]");
        Pattern mainlandMobile = Pattern.compile("1[3-9]\\d{9}");
        Pattern e164 = Pattern.compile("\\+[1-9]\\d{6,14}");
        return raw -> {
            String compact = separators.matcher(raw).replaceAll("");
            return mainlandMobile.matcher(compact).matches() || e164.matcher(compact).matches()
                    ? Optional.of(compact) : Optional.empty();
        };
    }
}
