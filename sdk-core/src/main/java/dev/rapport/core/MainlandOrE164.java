package dev.rapport.core;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@link PhoneNumberRule#mainlandOrE164()}: a mainland mobile number is the same as its {@code +86} form. */
final class MainlandOrE164 implements PhoneNumberRule {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final String CHINA = "+86";

    @Override
    public Optional<String> normalize(String raw) {
        String compact = SEPARATORS.matcher(raw).replaceAll("");
        return MAINLAND_MOBILE.matcher(compact).matches() || E164.matcher(compact).matches()
                ? Optional.of(compact) : Optional.empty();
    }

    @Override
    public Set<String> sameNumber(String stored) {
        if (MAINLAND_MOBILE.matcher(stored).matches()) {
            return Set.of(stored, CHINA + stored);
        }
        if (stored.startsWith(CHINA) && MAINLAND_MOBILE.matcher(stored.substring(CHINA.length())).matches()) {
            return Set.of(stored, stored.substring(CHINA.length()));
        }
        return Set.of(stored);
    }
}
