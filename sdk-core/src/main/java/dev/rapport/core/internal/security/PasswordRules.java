package dev.rapport.core.internal.security;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.User;

import java.util.ArrayList;
import java.util.Locale;

/**
 * What a password chosen for a user must be (OWASP's authentication cheat sheet): {@value #MIN} to {@value #MAX}
 * characters, and not containing the user's employee id, name or any part of the name of three letters or more,
 * ignoring case. Length is counted in Unicode code points, so any language's characters count as one each.
 */
public final class PasswordRules {
    /** The fewest characters of a password a user or an admin chooses. */
    public static final int MIN = 12;
    /** The most characters of any password the SDK looks at: longer ones are refused before they are hashed. */
    public static final int MAX = 256;

    private PasswordRules() {
    }

    /** @throws ValidationException naming {@code field} when {@code password} breaks a rule for {@code user} */
    static void check(String field, String password, User user) {
        var problems = new ArrayList<String>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN || length > MAX) {
            problems.add("must be " + MIN + " to " + MAX + " characters");
        }
        if (password != null) {
            String lower = password.toLowerCase(Locale.ROOT);
            if (lower.contains(user.employeeId().toLowerCase(Locale.ROOT))) {
                problems.add("must not contain the employee id");
            }
            String name = user.name().toLowerCase(Locale.ROOT).strip();
            boolean containsName = !name.isEmpty() && lower.contains(name);
            for (String part : name.split("[\\s.,_-]+")) {
                containsName |= part.codePointCount(0, part.length()) >= 3 && lower.contains(part);
            }
            if (containsName) {
                problems.add("must not contain the user's name");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(FieldError.of(field, String.join("; ", problems)));
        }
    }
}
