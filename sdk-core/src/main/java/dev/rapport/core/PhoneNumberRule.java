package dev.rapport.core;

import java.util.Optional;
import java.util.Set;

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

    /**
     * Every stored form of the number {@code stored} (a result of {@link #normalize}), itself included: a contact
     * with any of them has the same phone, as far as duplicates go. By default only {@code stored} itself.
     */
    default Set<String> sameNumber(String stored) {
        return Set.of(stored);
    }

    /** SPEC §3's default: {@code 13812345678} or {@code +8613812345678}; spaces, dashes, dots and brackets ignored. */
    static PhoneNumberRule mainlandOrE164() {
        return new MainlandOrE164();
    }
}
